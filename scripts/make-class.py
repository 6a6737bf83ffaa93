#!/usr/bin/env python3
"""Writes a made-up class of submissions for one unit, for `scripts/bench-batch.sh` and for trying
`cargo grader batch` by hand: some partial (a few exercises solved, the rest stubs), some complete
(the reference solution), some with one planted mistake of the unit's variants.toml applied.
They come as folders, .zip archives wrapped in a top folder (as GitHub's downloads are) and .tar.gz.

Usage: scripts/make-class.py UNIT_DIR OUT_DIR [COUNT]
  e.g. scripts/make-class.py days/day1-traits /tmp/class 30
"""

import io
import random
import shutil
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def learner_files(unit_dir: Path) -> dict[str, list[str]]:
    """Each exercise's learner files, relative to the unit's folder."""
    manifest = tomllib.loads((unit_dir / "exercises.toml").read_text())
    return {e["id"]: e["files"] for e in manifest["exercise"]}


def apply_mistake(files: dict[str, str], mistake: dict, variants_dir: Path) -> None:
    """Lays a planted mistake over the files (relative to the unit), as grader/src/variants.rs does."""
    for relative, source in mistake.get("files", {}).items():
        files[relative] = (variants_dir / source).read_text()
    for edit in mistake.get("edits", []):
        text = files[edit["file"]]
        files[edit["file"]] = text.replace(edit["find"], edit["replace"], 1)


def submission(kind: str, exercises, unit_rel: Path, mistakes, rng, name: str) -> dict[str, str]:
    """The learner files of one submission, keyed by their path relative to the workbook root."""
    stubs = ROOT / unit_rel
    solutions = ROOT / "solutions" / unit_rel
    files: dict[str, str] = {}
    solved = set(exercises)
    if kind == "partial":
        solved = set(rng.sample(sorted(exercises), k=max(1, len(exercises) // 2)))
    for exercise, paths in exercises.items():
        base = solutions if exercise in solved else stubs
        for path in paths:
            files[path] = (base / path).read_text()
    if kind == "mistake" and mistakes:
        apply_mistake(files, rng.choice(mistakes), solutions)
    # Every student's files are their own, as in a real class: no two submissions are the same, so
    # the batch's cache (keyed by the learner files) grades each one.
    return {
        str(unit_rel / path): with_signature(path, text, name)
        for path, text in files.items()
    }


def with_signature(path: str, text: str, name: str) -> str:
    """The file with a line naming its author where the language has comments."""
    if path.endswith(".rs"):
        return f"// {name}'s work\n{text}"
    if path.endswith(".toml") or path.endswith(".gitignore"):
        return f"# {name}'s work\n{text}"
    return text


def write(out: Path, name: str, form: str, files: dict[str, str]) -> None:
    if form == "folder":
        for path, text in files.items():
            target = out / name / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    elif form == "zip":
        with zipfile.ZipFile(out / f"{name}.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for path, text in files.items():
                archive.writestr(f"{name}-main/{path}", text)
    else:
        with tarfile.open(out / f"{name}.tar.gz", "w:gz") as archive:
            for path, text in files.items():
                data = text.encode()
                info = tarfile.TarInfo(path)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))


def main() -> None:
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    unit_rel = Path(sys.argv[1])
    out = Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) == 4 else 30
    if not (ROOT / unit_rel / "exercises.toml").is_file():
        sys.exit(f"{unit_rel} has no exercises.toml: give a unit's folder, such as days/day1-traits")
    exercises = learner_files(ROOT / unit_rel)
    variants = ROOT / "solutions" / unit_rel / "variants.toml"
    mistakes = tomllib.loads(variants.read_text()).get("mistake", []) if variants.is_file() else []
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    rng = random.Random(12)
    for i in range(count):
        kind = ["partial", "complete", "mistake"][i % 3]
        form = ["folder", "zip", "tar.gz"][(i // 3) % 3]
        name = f"student{i + 1:02}"
        write(out, name, form, submission(kind, exercises, unit_rel, mistakes, rng, name))
    print(f"{count} submissions of {unit_rel} in {out}")


if __name__ == "__main__":
    main()
