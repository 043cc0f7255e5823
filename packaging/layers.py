"""Check the import layering: every contract in pyproject.toml's ``[tool.importlinter]``, one command.

    .venv/bin/python packaging/layers.py [PROJECT_DIR]

Exits 0 when every contract is kept, 1 when one is broken (import-linter's report says which
import breaks it and on what line). ``PROJECT_DIR`` (default: this checkout) holds the
``pyproject.toml`` and the ``app``, ``demos`` and ``drivers`` packages to check; the tests point it
at a copy with deliberate violations.

Why a custom contract type (:class:`ForbiddenSubmodulesContract`) besides import-linter's own:
the drivers may import ``PySide6.QtCore`` (the acquisition worker's QObject and signals cross
threads with it) but no Qt widgets or GUI. import-linter's graph (grimp) squashes every external
package to its top-level name, so its ``forbidden`` contract can forbid ``PySide6`` only as a
whole. This contract reads the import statements themselves (with :mod:`ast`, as grimp does), so
it can tell ``PySide6.QtCore`` from ``PySide6.QtWidgets``. It checks every module of its source
packages and every project module they import, directly or not, and reports a module outside the
sources with the chain that reaches it. Like import-linter, it sees ``import`` statements
anywhere in a module (inside functions and ``if TYPE_CHECKING:`` too), not ``importlib`` calls.

Why a script and not bare ``lint-imports``: import-linter loads contract types by module name,
and this folder is no package (``packaging`` is also the name of a PyPI library), so this script
puts itself on ``sys.path`` as the module ``layers`` that pyproject's ``contract_types`` names.
``PYTHONPATH=packaging lint-imports`` works as well.
"""

from __future__ import annotations

import ast
import importlib.util
import itertools
import os
import sys
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from grimp import ImportGraph
from importlinter.application import contract_utils, output
from importlinter.contracts.layers import Layer, LayersContract, ModuleTail
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck
from importlinter.domain.helpers import module_expressions_to_modules

PROJECT_DIR = Path(__file__).resolve().parents[1]


def _is_type_checking_block(node: ast.AST) -> bool:
    """``if TYPE_CHECKING:`` (or ``typing.TYPE_CHECKING``): imports only a type checker executes."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(tree: ast.AST, *, run_time_only: bool = False) -> list[tuple[int, str]]:
    """(line, dotted name) for every absolute import in ``tree``, at any depth.

    ``from a.b import c`` yields both ``a.b`` and ``a.b.c`` (``c`` may be a submodule), and
    ``from a import *`` yields ``a.*``. With ``run_time_only``, the body of ``if TYPE_CHECKING:``
    is skipped (its ``else`` is not).
    """
    names: list[tuple[int, str]] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import):
            names.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append((node.lineno, node.module))
            names.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
        if run_time_only and _is_type_checking_block(node):
            pending.extend(node.orelse)  # type: ignore[attr-defined]
            pending.append(node.test)  # type: ignore[attr-defined]
        else:
            pending.extend(ast.iter_child_nodes(node))
    return sorted(names)


def matches(name: str, pattern: str) -> bool:
    """Whether module ``name`` is ``pattern`` (fnmatch-style) or inside a module it matches."""
    if name.endswith(".*"):  # a star import takes every submodule that matches below it
        return pattern.startswith(name[:-1]) or matches(name[:-2], pattern)
    return fnmatchcase(name, pattern) or fnmatchcase(name, pattern + ".*")


class ForbiddenSubmodulesContract(Contract):
    """Source packages must not import, directly or through project modules, the forbidden modules.

    Configuration options:

        - source_modules:    module expressions (wildcards allowed); their descendants count too.
        - forbidden_modules: dotted names of modules, external ones down to submodules,
                             fnmatch patterns allowed (``PySide6.QtOpenGL*``). A forbidden module's
                             submodules are forbidden with it.
        - run_time_only:     "true" to skip imports under ``if TYPE_CHECKING:``: the rule is about
                             what loads when the program runs. (Optional, default false.)
        - allowed_modules:   fnmatch patterns of source modules that may import the forbidden
                             modules themselves (a demo's widgets). They are not sources, so any
                             other source that imports one of them, directly or not, is reported
                             with the chain: deny by default, allow by name. (Optional.)
        - broken_contract_guidance: shown after the violations. (Optional.)
    """

    type_name = "forbidden_submodules"

    source_modules = fields.SetField(subfield=fields.ModuleExpressionField())
    forbidden_modules = fields.SetField(subfield=fields.StringField())
    allowed_modules = fields.SetField(subfield=fields.StringField(), required=False)
    run_time_only = fields.BooleanField(required=False, default=False)
    broken_contract_guidance = fields.TextField(required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        allowed = sorted(self.allowed_modules or ())  # type: ignore[arg-type]
        sources = {
            module.name
            for module in module_expressions_to_modules(
                graph,
                self.source_modules,  # type: ignore[arg-type]
                as_packages=True,
                raise_if_unmatched=True,
            )
            if not any(fnmatchcase(module.name, pattern) for pattern in allowed)
        }
        roots = self._root_packages()
        scanned = set(sources)
        for module in sources:
            scanned |= {m for m in graph.find_upstream_modules(module) if m.split(".")[0] in roots}
        forbidden = sorted(self.forbidden_modules)  # type: ignore[arg-type]
        violations: list[dict[str, Any]] = []
        for module in sorted(scanned):
            path = self._module_file(module)
            tree = ast.parse(path.read_bytes(), filename=str(path))
            reported: set[int] = set()  # one report per import statement, its widest forbidden name
            for line, name in imported_names(tree, run_time_only=bool(self.run_time_only)):
                if line in reported or not any(matches(name, pattern) for pattern in forbidden):
                    continue
                reported.add(line)
                via = [] if module in sources else self._chain_to(graph, sources, module)
                steps = [*self._steps(graph, [*via, module]), (module, name, [line])]
                violations.append({"imported": name, "steps": steps})
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for violation in check.metadata["violations"]:
            steps = violation["steps"]
            output.print_error(f"{steps[0][0]} is not allowed to import {violation['imported']}:")
            output.new_line()
            for index, (importer, imported, lines) in enumerate(steps):
                text = f"{importer} -> {imported} ({', '.join(f'l.{line}' for line in lines)})"
                if index:
                    output.indent_cursor()
                output.print_error(text if index else f"-   {text}", bold=False)
            output.new_line()
        contract_utils.render_broken_contract_guidance(self.broken_contract_guidance)  # type: ignore[arg-type]

    def _root_packages(self) -> set[str]:
        roots = self.session_options.get("root_packages") or [self.session_options["root_package"]]
        return {roots} if isinstance(roots, str) else set(roots)

    def _module_file(self, module: str) -> Path:
        """The source file of a project module, found below its root package the way grimp does."""
        root, *rest = module.split(".")
        spec = importlib.util.find_spec(root)
        assert spec is not None and spec.submodule_search_locations, f"{root} is no package"
        base = Path(next(iter(spec.submodule_search_locations))).joinpath(*rest)
        init = base / "__init__.py"
        return init if init.is_file() else base.with_suffix(".py")

    @staticmethod
    def _steps(graph: ImportGraph, chain: list[str]) -> list[tuple[str, str, list[int]]]:
        """Each import along ``chain``, with the lines it is on."""
        return [
            (
                importer,
                imported,
                sorted(
                    d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported)
                ),
            )
            for importer, imported in itertools.pairwise(chain)
        ]

    @staticmethod
    def _chain_to(graph: ImportGraph, sources: set[str], module: str) -> list[str]:
        """The shortest import chain from a source module to ``module``, without ``module``."""
        chains = [graph.find_shortest_chain(importer=source, imported=module) for source in sorted(sources)]
        shortest = min((chain for chain in chains if chain), key=len)
        return list(shortest[:-1])


class SiblingLayersContract(LayersContract):
    """import-linter's layers contract where the layer ``*`` stands for every other child of a container.

    Each child package or module of a container that no other layer names becomes one of the
    ``*`` layer's independent siblings. So a new demo package is independent of every other demo
    the moment it exists, without a line to add here: the registry is the one place that registers
    a built-in demo. Options are those of ``layers``; with ``*`` no child is left undeclared.
    """

    type_name = "sibling_layers"

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        named = {tail.name for layer in self.layers for tail in layer.module_tails}  # type: ignore[attr-defined]
        containers = [
            module.name
            for module in module_expressions_to_modules(graph, self.containers or [])  # type: ignore[arg-type]
        ]
        children = {
            child.rpartition(".")[2] for container in containers for child in graph.find_children(container)
        }
        siblings = {ModuleTail(name) for name in sorted(children - named - {"*"})}
        self.layers = [  # type: ignore[assignment]
            Layer(siblings, is_independent=True) if self._is_star(layer) else layer
            for layer in self.layers  # type: ignore[attr-defined]
        ]
        return super().check(graph, verbose)

    @staticmethod
    def _is_star(layer: Layer) -> bool:
        return {tail.name for tail in layer.module_tails} == {"*"}


def main(argv: list[str]) -> int:
    from importlinter.cli import lint_imports

    project = Path(argv[0]).resolve() if argv else PROJECT_DIR
    # The module name pyproject's contract_types uses, without executing this file a second time.
    sys.modules.setdefault("layers", sys.modules[__name__])
    # lint_imports puts the working directory first on sys.path: the packages are found there.
    os.chdir(project)
    return lint_imports(config_filename=str(project / "pyproject.toml"), no_cache=True, no_logo=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
