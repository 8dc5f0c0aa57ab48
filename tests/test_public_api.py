"""``__all__`` of every module says exactly what the module offers (as httpx checks its own)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import kirok


def module_names() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(kirok.__path__, "kirok."))


MODULES = module_names()


def public_definitions(module: ModuleType) -> list[str]:
    """Public classes and functions defined in ``module`` itself (not imported into it)."""
    return sorted(
        name
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and (inspect.isclass(obj) or inspect.isfunction(obj))
        and getattr(obj, "__module__", None) == module.__name__
    )


def test_the_walk_finds_the_package() -> None:
    assert {"kirok.model", "kirok.pipeline.stage", "kirok.pipeline.events", "kirok.extract"} <= set(MODULES)
    assert len(MODULES) > 40


@pytest.mark.parametrize("name", MODULES)
def test_module_imports_and_declares_all(name: str) -> None:
    module = importlib.import_module(name)
    assert isinstance(getattr(module, "__all__", None), list | tuple), f"{name} has no __all__"


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist_and_are_unique(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(getattr(module, "__all__", ()))
    assert [n for n in exported if not hasattr(module, n)] == []
    assert len(exported) == len(set(exported))


@pytest.mark.parametrize("name", MODULES)
def test_public_definitions_are_exported(name: str) -> None:
    module = importlib.import_module(name)
    exported = set(getattr(module, "__all__", ()))
    assert [n for n in public_definitions(module) if n not in exported] == []
