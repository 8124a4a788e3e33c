"""Process pools for ``--jobs``: workers that are forks of the parent use what it has loaded."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from typing import Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext


def inherits_memory(context: BaseContext) -> bool:
    """True when the pool's workers start as copies of this process (fork)."""
    return context.get_start_method() == "fork"


def worker_pool(jobs: int, share: Callable[[], None], initializer: Callable[..., None],
                initargs: tuple[Any, ...]) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes, each set up once.

    When the workers start as forks of this process (Linux), ``share()`` puts what the parent has
    loaded (the glossary and its matcher) where the workers look for it, and they load nothing:
    loading again from the disk cache took each worker 50-100 ms. Otherwise (spawn, forkserver:
    macOS, Windows) each worker runs ``initializer(*initargs)`` first.
    """
    # Imported here: concurrent.futures.process and multiprocessing take ~10 ms to import,
    # which a one-page lint (the usual CI call) would pay for nothing.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context()
    if inherits_memory(context):
        share()
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=initializer, initargs=initargs)
