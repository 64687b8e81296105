"""Stages are found by name, so a config picks them and a rule stage and a learned stage for
the same job can be swapped by changing one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from incidex.errors import PipelineError
from incidex.pipeline.doc import Doc


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


StageFactory = Callable[[], Stage]
_F = TypeVar("_F", bound=StageFactory)

_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[_F], _F]:
    """Register a stage factory (a class with no required arguments, or a function)."""

    def decorate(factory: _F) -> _F:
        _REGISTRY[name] = factory
        return factory

    return decorate


def make_stage(name: str) -> Stage:
    _load_builtin_stages()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise PipelineError(f"unknown stage {name!r}; known stages: {known}") from None
    return factory()


def registered_stages() -> list[str]:
    _load_builtin_stages()
    return sorted(_REGISTRY)


def _load_builtin_stages() -> None:
    # Importing the stage modules registers them.
    from incidex.pipeline import stages  # noqa: F401
