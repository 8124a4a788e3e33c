"""Short elided head titles (徐州市委书记宋乐伟、市长王剑锋): checked, without asking for a place the English leaves out."""

from __future__ import annotations

import pytest

from shuyu.cache import load_with_matcher
from shuyu.checks.base import CHECK_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import check_release
from shuyu.text.document import plain_document

SECRETARY = "Song Lewei, Secretary of the CPC Xuzhou Municipal Committee, and "


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_with_matcher([])


def missing(zh: str, en: str, bundled) -> list[str | None]:  # type: ignore[no-untyped-def]
    glossary, matcher = bundled
    result = check_release(plain_document("zh.txt", zh), plain_document("en.txt", en), glossary, matcher,
                           CheckSettings(CHECK_RULES))
    return [f.expected for f in result.findings if f.rule == "term-missing"]


@pytest.mark.parametrize(("zh", "en", "expected"), [
    # The mayor rendered as another title was passed over: 市长 is too short for the automaton.
    ("徐州市委书记宋乐伟、市长王剑锋出席。", SECRETARY + "Wang Jianfeng, Party chief of Wuxi, attended.", ["Mayor of Xuzhou"]),
    ("徐州市委书记宋乐伟、副市长王剑锋出席。", SECRETARY + "Wang Jianfeng attended.", ["Vice Mayor of Xuzhou"]),
    # The English leaves the place out as the Chinese does, or writes it: both translate the title.
    ("徐州市委书记宋乐伟、市长王剑锋出席。", SECRETARY + "Mayor Wang Jianfeng attended.", []),
    ("徐州市委书记宋乐伟、市长王剑锋出席。", SECRETARY + "Wang Jianfeng, Mayor of Xuzhou, attended.", []),
    ("徐州市委书记宋乐伟、市长王剑锋出席。", SECRETARY + "Mayor of Wuxi Wang Jianfeng attended.", ["Mayor of Xuzhou"]),
    ("徐州市委书记宋乐伟、副市长王剑锋出席。", SECRETARY + "Deputy Mayor Wang Jianfeng attended.", []),
    ("江苏省委书记信长星、省长许昆林出席。",
     "Xin Changxing, Secretary of the CPC Jiangsu Provincial Committee, and Governor Xu Kunlin attended.", []),
    # Not after the punctuation that joins titles, or the head of a longer word: no title at all.
    ("城市长期发展规划。", "The city's long-term plan.", []),
    ("无锡市委书记出席，市长江路改造。",
     "The Secretary of the CPC Wuxi Municipal Committee attended; Shichangjiang Road was rebuilt.", []),
    ("市长王剑锋出席。", "Wang Jianfeng attended.", []),  # no title before it: no place to give it
    # After a comma, or after more than a name: a word beginning with 长 (长者食堂, 长效机制, 长安街).
    ("无锡市委书记杜小刚说，市长者食堂覆盖全部社区。",
     "Du Xiaogang, Party Secretary of Wuxi, said the city's canteens for the elderly cover all communities.", []),
    ("无锡市委书记杜小刚强调完善社会保障、市长效机制。",
     "Du Xiaogang, Party Secretary of Wuxi, stressed social security and the city's lasting mechanisms.", []),
])
def test_short_elided_titles(zh: str, en: str, expected: list[str], bundled) -> None:  # type: ignore[no-untyped-def]
    assert missing(zh, en, bundled) == expected

