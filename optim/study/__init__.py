"""``qsim study``: benchmark studies of ``optim.solve`` methods into a resumable SQLite
store, and the report read back from it.

Modules: instances (generators and file formats), config (the TOML config, checked), cells
(the study's cells and their keys), store (the SQLite results store), worker (one cell in
a worker process), executors (the process pool; the seam for other backends), progress,
runner (run_study, the coordinator), default.toml (the built-in default study); statistics
(the report's per-group figures, TTS99), figures (the PNGs), report (write_report).
"""

from importlib import resources

from .cells import Cell, expand
from .config import StudyConfig, load_config, parse_config
from .runner import StudySummary, run_study
from .report import write_report
from .store import Store


def default_config_text() -> str:
    """The TOML text of the built-in default study."""
    return resources.files(__name__).joinpath("default.toml").read_text(encoding="utf-8")


def default_config() -> StudyConfig:
    return parse_config(default_config_text(), "<default study>")


__all__ = ["Cell", "expand", "StudyConfig", "load_config", "parse_config", "StudySummary", "run_study", "Store", "write_report",
           "default_config_text", "default_config"]
