"""The window's process never imports spaCy: the pipeline loads and parses in its own
process, so neither its import nor its parsing can hold the window's interpreter lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from counterclaim.services.analysis import AnalysisService, QuietProgress
    from counterclaim.gui.app import application, build

    def main():
        application()
        path = Path(sys.argv[1])
        service = AnalysisService(path, in_child=True)
        bench = build(path, service)
        found = service.import_sample_if_empty(QuietProgress())
        pairs = len(bench.library.analysis(found[0]).pairs)
        print(len(found), pairs, "spacy" in sys.modules, flush=True)
        bench.close()

    if __name__ == "__main__":
        main()
    """
)


def test_the_window_process_analyses_without_importing_spacy(tmp_path: Path) -> None:
    script = tmp_path / "window.py"
    script.write_text(SCRIPT)
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "library.sqlite")],
        capture_output=True,
        text=True,
        timeout=300,
        env={"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    articles, pairs, spacy_loaded = done.stdout.split()
    assert (articles, spacy_loaded) == ("1", "False")
    assert int(pairs) >= 3  # the sample's pairs were found, in the pipeline's process
