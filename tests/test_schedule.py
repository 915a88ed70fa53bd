"""The auto-concurrency controller, on hand-built measurements: no browser, no /proc."""

from __future__ import annotations

from collections.abc import Callable

from auditor.batch.schedule import CEILING_STEPS, Controller, TreeSampler, Usage

GB = 1 << 30
STEP_S = 2.0


def usage(finished: int = 4, saturated: bool = True, idle: float = 0.0, memory: int = GB // 2) -> Usage:
    return Usage(seconds=STEP_S, finished=finished, saturated=saturated, own_cores=1.0, idle_cores=idle,
                 memory=memory)


def run(controller: Controller, steps: int, rate: Callable[[int], float], idle: Callable[[int], float]) -> list[int]:
    """Drive the controller with a machine model: sites/s and idle cores as functions of the level."""
    levels, carry = [], 0.0
    for _ in range(steps):
        carry += rate(controller.limit) * STEP_S
        finished = int(carry)
        carry -= finished
        controller.step(usage(finished=finished, idle=idle(controller.limit)))
        levels.append(controller.limit)
    return levels


def peaked(best: int) -> Callable[[int], float]:
    """Throughput that grows with the level up to `best`, then falls (contention, memory)."""
    return lambda level: 1.0 + 0.25 * min(level, best) - 0.12 * max(0, level - best)


def test_an_idle_machine_gets_more_sites_while_it_has_idle_cpu() -> None:
    controller = Controller(start=6, high=16, max_memory=GB, cores=2)
    assert controller.step(usage(idle=1.2)) == 8  # much idle: two more
    assert controller.step(usage(idle=0.5)) == 9  # some: one more
    assert controller.step(usage(idle=0.5, saturated=False)) == 9  # slots left unused: nothing to learn


def test_it_settles_near_the_best_level_of_an_idle_machine() -> None:
    cores = 2
    levels = run(Controller(6, 16, GB, cores), 200, peaked(8), idle=lambda level: max(0.0, cores - 0.25 * level))
    assert all(7 <= level <= 10 for level in levels[-100:]), levels[-100:]
    assert max(levels) <= 10  # it never wanders far past the best level


def test_a_shared_machine_does_not_make_it_collapse() -> None:
    """Another job takes the idle CPU: the run's own throughput decides, and it still grows with the level."""
    levels = run(Controller(6, 16, GB, 2), 200, peaked(14), idle=lambda level: 0.0)
    assert min(levels) >= 6  # never below where it started: others' CPU is no reason to shrink
    assert all(12 <= level <= 16 for level in levels[-80:]), levels[-80:]


def test_a_worse_level_is_left_and_kept_out_of_reach_for_a_while() -> None:
    controller = Controller(start=8, high=16, max_memory=GB, cores=2)
    for _ in range(2):
        controller.step(usage(finished=4))  # 2 sites/s at 8, measured (8 sites, one a slot)
    assert controller.limit == 9  # nothing to compare with: look one up
    for _ in range(3):
        controller.step(usage(finished=3))  # 1.5 sites/s at 9: worse by a quarter
    assert controller.limit == 8
    for _ in range(CEILING_STEPS - 1):
        controller.step(usage(finished=4))
        assert controller.limit == 8  # 9 is out of reach for a while
    controller.step(usage(finished=4))
    assert controller.limit == 9  # then tried again: the sites of a batch change


def test_a_plateau_is_held() -> None:
    controller = Controller(start=8, high=16, max_memory=GB, cores=2)
    for _ in range(2):
        controller.step(usage(finished=4))
    assert controller.limit == 9
    for _ in range(10):
        controller.step(usage(finished=4))  # the same rate at 9 as at 8
    assert controller.limit == 9


def test_memory_over_the_limit_sheds_a_site_and_blocks_growth() -> None:
    controller = Controller(start=10, high=16, max_memory=GB, cores=2)
    assert controller.step(usage(idle=1.5, memory=GB + 1)) == 9
    assert controller.step(usage(idle=1.5, memory=int(0.9 * GB))) == 9  # near the limit: no more sites
    low = Usage(seconds=STEP_S, finished=4, saturated=True, own_cores=1.0, idle_cores=1.5, memory=GB // 4,
                free_memory=GB // 2)
    assert controller.step(low) == 9  # the machine itself is short of memory: no more either


def test_the_limit_stays_within_its_bounds() -> None:
    controller = Controller(start=2, high=3, max_memory=GB, cores=2)
    for _ in range(5):
        controller.step(usage(idle=2.0))
    assert controller.limit == 3
    for _ in range(5):
        controller.step(usage(memory=2 * GB))
    assert controller.limit == 2  # never below two


def test_the_sampler_measures_this_process_tree() -> None:
    sampler = TreeSampler(__import__("os").getpid())
    first = sampler.sample()
    sum(i * i for i in range(300_000))  # some CPU of our own
    second = sampler.sample()
    assert first is not None and second is not None
    assert second.seconds > 0 and second.own_cores > 0 and second.memory > 0
