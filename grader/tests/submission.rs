//! Opening a student's submission (a folder, a git repository, a `.zip`, a `.tar.gz`) safely, and
//! taking only its learner files: against a small workbook built here, with every archive made
//! in the test itself.

#[path = "submission/fixtures.rs"]
mod fixtures;

use fixtures::*;
use grader::submission::{ArchiveLimits, SubmissionKind, open};

#[test]
fn a_folder_is_taken_where_it_is() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let folder = scene.path("alice");
    write_tree(&folder, &student_files(""));
    let opened = scene.open(&folder, &workbook).unwrap();
    assert_eq!(opened.kind, SubmissionKind::Folder);
    assert_eq!(opened.root, folder);
    assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    assert_takes_the_student_files(&workbook, &opened);
}

#[test]
fn zips_with_and_without_a_wrapping_folder() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    for prefix in ["", "repo-main/", "export/alice-repo/"] {
        let archive = scene.path("alice.zip");
        zip_of(&archive, &student_files(prefix));
        let opened = scene.open(&archive, &workbook).unwrap();
        assert_eq!(opened.kind, SubmissionKind::Zip);
        assert_eq!(opened.root, scene.path("scratch").join(prefix));
        assert_takes_the_student_files(&workbook, &opened);
    }
}

#[test]
fn tar_gz_with_and_without_a_wrapping_folder() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    for (prefix, name) in [("", "bob.tar.gz"), ("bob-main/", "bob.tgz")] {
        let archive = scene.path(name);
        tar_gz_of(&archive, &files_tar(&student_files(prefix)));
        let opened = scene.open(&archive, &workbook).unwrap();
        assert_eq!(opened.kind, SubmissionKind::TarGz);
        assert_eq!(opened.root, scene.path("scratch").join(prefix));
        assert_takes_the_student_files(&workbook, &opened);
    }
}

#[test]
fn a_submission_without_the_layout_opens_with_every_file_missing() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let archive = scene.path("carol.zip");
    zip_of(
        &archive,
        &[("homework/notes/ex1_server.rs".into(), SOLVED.into())],
    );
    let opened = scene.open(&archive, &workbook).unwrap();
    assert_eq!(opened.root, scene.path("scratch"));
    assert!(opened.notes[0].contains("layout"), "{:?}", opened.notes);
    let taken = take_all(&workbook, &opened.root);
    assert!(taken.overrides.is_empty());
    assert_eq!(taken.missing.len(), 2);
}

#[test]
fn zip_entries_that_escape_or_link_are_refused() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let archive = scene.path("mallory.zip");
    zip_of(&archive, &[("../escaped.rs".into(), b"x".to_vec())]);
    let reason = refusal(scene.open(&archive, &workbook));
    assert!(
        reason.contains("`../escaped.rs`") && reason.contains(".."),
        "{reason}"
    );
    assert!(!scene.path("escaped.rs").exists());

    zip_of(&archive, &[("/tmp/absolute.rs".into(), b"x".to_vec())]);
    assert!(refusal(scene.open(&archive, &workbook)).contains("absolute path"));
    zip_of(&archive, &[("C:\\Windows\\x.rs".into(), b"x".to_vec())]);
    assert!(refusal(scene.open(&archive, &workbook)).contains("Windows drive"));

    let mut zip = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    zip.add_symlink(
        "days/day1-traits/src/ex1_server.rs",
        "/etc/passwd",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.finish().unwrap();
    let reason = refusal(scene.open(&archive, &workbook));
    assert!(reason.contains("symbolic link"), "{reason}");
}

#[test]
fn tar_entries_that_escape_or_link_are_refused() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let archive = scene.path("mallory.tar.gz");
    let cases = [
        ("../escaped.rs", tar::EntryType::Regular, ".."),
        ("/tmp/absolute.rs", tar::EntryType::Regular, "absolute path"),
        ("days/link.rs", tar::EntryType::Symlink, "symbolic link"),
        ("days/hard.rs", tar::EntryType::Link, "hard link"),
        ("days/device", tar::EntryType::Char, "device"),
    ];
    for (name, kind, why) in cases {
        tar_gz_of(&archive, &[(name.into(), b"x".to_vec(), kind)]);
        let reason = refusal(scene.open(&archive, &workbook));
        assert!(reason.contains(why) && reason.contains(name), "{reason}");
    }
    assert!(!scene.path("escaped.rs").exists());
}

#[test]
fn archives_past_the_limits_are_refused() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let many: Vec<(String, Vec<u8>)> = (0..5).map(|i| (format!("f{i}.rs"), vec![b'x'])).collect();
    let few = ArchiveLimits {
        max_files: 3,
        ..ArchiveLimits::default()
    };
    zip_of(&scene.path("many.zip"), &many);
    tar_gz_of(&scene.path("many.tar.gz"), &files_tar(&many));
    for archive in ["many.zip", "many.tar.gz"] {
        let reason = refusal(scene.open_with(&scene.path(archive), &workbook, &few));
        assert!(reason.contains("more than 3 entries"), "{reason}");
    }

    // Incompressible bytes, so that only the size limits can refuse them.
    let noise: Vec<u8> = (0u32..3000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let small = ArchiveLimits {
        max_file_bytes: 2000,
        ..ArchiveLimits::default()
    };
    zip_of(&scene.path("big.zip"), &[("big.rs".into(), noise.clone())]);
    let reason = refusal(scene.open_with(&scene.path("big.zip"), &workbook, &small));
    assert!(
        reason.contains("`big.rs`") && reason.contains("for one file"),
        "{reason}"
    );
    let small_total = ArchiveLimits {
        max_total_bytes: 4000,
        ..ArchiveLimits::default()
    };
    let two = [
        ("a.rs".into(), noise.clone()),
        ("b.rs".into(), noise.clone()),
    ];
    tar_gz_of(&scene.path("big.tar.gz"), &files_tar(&two));
    let reason = refusal(scene.open_with(&scene.path("big.tar.gz"), &workbook, &small_total));
    assert!(reason.contains("in all"), "{reason}");
}

#[test]
fn zip_and_gzip_bombs_are_refused_before_they_expand() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let zeros = vec![0u8; 8 * 1024 * 1024];
    zip_of(
        &scene.path("bomb.zip"),
        &[("zeros.rs".into(), zeros.clone())],
    );
    let reason = refusal(scene.open(&scene.path("bomb.zip"), &workbook));
    assert!(reason.contains("zip bomb"), "{reason}");
    let written = std::fs::metadata(scene.path("scratch/zeros.rs"))
        .unwrap()
        .len();
    assert!(
        written < 2 * 1024 * 1024,
        "wrote {written} bytes of the bomb"
    );

    // Many entries, each too small for its own ratio to count, expanding far past the archive.
    let pieces: Vec<(String, Vec<u8>)> = (0..20)
        .map(|i| (format!("piece{i}.rs"), vec![0u8; 200 * 1024]))
        .collect();
    zip_of(&scene.path("pieces.zip"), &pieces);
    let reason = refusal(scene.open(&scene.path("pieces.zip"), &workbook));
    assert!(reason.contains("its own size"), "{reason}");

    tar_gz_of(
        &scene.path("bomb.tar.gz"),
        &[("zeros.rs".into(), zeros, tar::EntryType::Regular)],
    );
    let reason = refusal(scene.open(&scene.path("bomb.tar.gz"), &workbook));
    assert!(reason.contains("gzip bomb"), "{reason}");
}

#[test]
fn a_scratch_folder_left_full_is_not_written_over() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let archive = scene.path("alice.zip");
    zip_of(&archive, &student_files(""));
    let scratch = scene.path("scratch");
    write(&scratch.join("leftover.rs"), b"x");
    let result = open(&archive, &workbook, &scratch, &ArchiveLimits::default());
    assert!(unreadable(result).contains("not empty"));
}

#[test]
fn corrupt_archives_and_other_files_are_unreadable() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    std::fs::write(scene.path("text.zip"), "not an archive").unwrap();
    assert!(
        unreadable(scene.open(&scene.path("text.zip"), &workbook))
            .contains("a corrupt or truncated zip archive")
    );
    std::fs::write(scene.path("text.tar.gz"), "not an archive").unwrap();
    assert!(unreadable(scene.open(&scene.path("text.tar.gz"), &workbook)).contains("gzip"));
    std::fs::write(scene.path("notes.txt"), "hello").unwrap();
    assert!(
        unreadable(scene.open(&scene.path("notes.txt"), &workbook)).contains("not a submission")
    );
    assert!(unreadable(scene.open(&scene.path("absent"), &workbook)).contains("cannot read"));
    // A download that lost its extension is still recognised by its first bytes.
    zip_of(&scene.path("download"), &student_files(""));
    let opened = scene.open(&scene.path("download"), &workbook).unwrap();
    assert_eq!(opened.kind, SubmissionKind::Zip);
    let error = scene.open(&scene.path("text.zip"), &workbook).unwrap_err();
    assert_eq!(
        error.to_string(),
        error.reason(),
        "the message is the submission's reason"
    );

    let noise: Vec<u8> = (0u32..200_000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    for name in ["cut.zip", "cut.tar.gz"] {
        let archive = scene.path(name);
        let files = [("days/big.rs".to_owned(), noise.clone())];
        if name.ends_with(".zip") {
            zip_of(&archive, &files);
        } else {
            tar_gz_of(&archive, &files_tar(&files));
        }
        let bytes = std::fs::read(&archive).unwrap();
        // A zip's directory is at its end: cut the middle out of the data instead.
        let damaged = if name.ends_with(".zip") {
            let mut damaged = bytes.clone();
            damaged[1000..2000].fill(0);
            damaged
        } else {
            bytes[..bytes.len() / 2].to_vec()
        };
        std::fs::write(&archive, damaged).unwrap();
        let reason = unreadable(scene.open(&archive, &workbook));
        assert!(reason.contains("corrupt"), "{name}: {reason}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_learner_file_is_ignored_not_followed() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let secret = scene.path("secret.rs");
    std::fs::write(&secret, "the solutions").unwrap();
    let folder = scene.path("mallory");
    write_tree(&folder, &student_files(""));
    let server = folder.join("days/day1-traits/src/ex1_server.rs");
    std::fs::remove_file(&server).unwrap();
    std::os::unix::fs::symlink(&secret, &server).unwrap();
    let opened = scene.open(&folder, &workbook).unwrap();
    let taken = take_all(&workbook, &opened.root);
    assert!(taken.overrides.is_empty(), "{taken:?}");
    assert!(taken.missing.contains(&std::path::PathBuf::from(
        "days/day1-traits/src/ex1_server.rs"
    )));
    let why = &taken
        .ignored
        .iter()
        .find(|file| file.path == "days/day1-traits/src/ex1_server.rs")
        .expect("the link is listed")
        .why;
    assert!(why.contains("symbolic link"), "{why}");

    // A linked folder on the way is not followed either.
    let elsewhere = scene.path("elsewhere/src");
    write(&elsewhere.join("ex2_shapes.rs"), b"stolen");
    std::fs::remove_dir_all(folder.join("days/day1-traits/src")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, folder.join("days/day1-traits/src")).unwrap();
    let taken = take_all(&workbook, &opened.root);
    assert!(taken.overrides.is_empty(), "{taken:?}");
}

#[test]
fn the_digest_follows_the_learner_files_only() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let folder = scene.path("alice");
    write_tree(&folder, &student_files(""));
    let digest = || take_all(&workbook, &folder).digest;
    let first = digest();
    assert_eq!(digest(), first, "the same files give the same digest");
    write(
        &folder.join("days/day1-traits/tests/ex1_server.rs"),
        b"// other\n",
    );
    write(
        &folder.join("days/day1-traits/src/helper.rs"),
        b"// other\n",
    );
    assert_eq!(digest(), first, "ignored files do not change it");
    write(
        &folder.join("days/day1-traits/src/ex1_server.rs"),
        b"pub fn serve() -> u16 { 1 }\n",
    );
    let changed = digest();
    assert_ne!(changed, first, "a learner file's content changes it");
    write(
        &folder.join("days/day1-traits/src/ex2_shapes.rs"),
        SHAPES_STUB.as_bytes(),
    );
    assert_ne!(digest(), changed, "a learner file handed in changes it");
}

#[test]
fn a_git_repository_gives_its_committed_head() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let repo = scene.path("dave");
    write_tree(&repo, &student_files(""));
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "work"]);
    let opened = scene.open(&repo, &workbook).unwrap();
    assert_eq!(opened.kind, SubmissionKind::Git);
    assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    assert_takes_the_student_files(&workbook, &opened);

    // Uncommitted work is not graded, and the note says so.
    write(
        &repo.join("days/day1-traits/src/ex1_server.rs"),
        STUB.as_bytes(),
    );
    let opened = scene.open(&repo, &workbook).unwrap();
    assert!(
        opened.notes.iter().any(|note| note.contains("uncommitted")
            && note.contains("days/day1-traits/src/ex1_server.rs")),
        "{:?}",
        opened.notes
    );
    assert_takes_the_student_files(&workbook, &opened);

    // A bare clone gives the same.
    let bare = scene.path("dave.git");
    git(
        scene.dir.path(),
        &[
            "clone",
            "-q",
            "--bare",
            repo.to_str().unwrap(),
            bare.to_str().unwrap(),
        ],
    );
    let opened = scene.open(&bare, &workbook).unwrap();
    assert_eq!(opened.kind, SubmissionKind::Git);
    assert_takes_the_student_files(&workbook, &opened);
}

#[cfg(unix)]
#[test]
fn a_hostile_repository_configuration_runs_nothing() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let repo = scene.path("eve");
    write_tree(&repo, &student_files(""));
    write(&repo.join(".gitattributes"), b"* filter=evil\n");
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "work"]);
    let marker = scene.path("ran");
    let command = format!("touch {}", marker.display());
    let hooks = scene.path("hooks");
    write(
        &hooks.join("post-checkout"),
        format!("#!/bin/sh\n{command}\n").as_bytes(),
    );
    for (key, value) in [
        ("filter.evil.smudge", command.as_str()),
        ("filter.evil.clean", command.as_str()),
        ("filter.evil.process", command.as_str()),
        ("core.fsmonitor", command.as_str()),
        ("core.pager", command.as_str()),
        ("core.hooksPath", hooks.to_str().unwrap()),
    ] {
        git(&repo, &["config", key, value]);
    }
    // The working tree's dates change, so a `git status` would refresh the index with the filter.
    write(&repo.join("README.md"), b"# my work\n");
    let opened = scene.open(&repo, &workbook).unwrap();
    assert_takes_the_student_files(&workbook, &opened);
    assert!(
        !marker.exists(),
        "the repository's configuration ran a command"
    );
}

#[cfg(unix)]
#[test]
fn a_repository_that_links_out_of_the_submission_is_refused() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let other = scene.path("solutions");
    write_tree(&other, &student_files(""));
    git(&other, &["init", "-q"]);
    git(&other, &["add", "."]);
    git(&other, &["commit", "-q", "-m", "solutions"]);
    let repo = scene.path("grace");
    git(scene.dir.path(), &["init", "-q", "grace"]);
    std::fs::remove_dir_all(repo.join(".git/objects")).unwrap();
    std::os::unix::fs::symlink(other.join(".git/objects"), repo.join(".git/objects")).unwrap();
    std::fs::copy(other.join(".git/HEAD"), repo.join(".git/HEAD")).unwrap();
    copy_refs(&other.join(".git/refs"), &repo.join(".git/refs"));
    let reason = refusal(scene.open(&repo, &workbook));
    assert!(
        reason.contains("objects") && reason.contains("symbolic link"),
        "{reason}"
    );

    let worktree = scene.path("heidi");
    write(
        &worktree.join(".git"),
        format!("gitdir: {}\n", other.join(".git").display()).as_bytes(),
    );
    let reason = refusal(scene.open(&worktree, &workbook));
    assert!(reason.contains("elsewhere"), "{reason}");
}

#[test]
fn a_repository_without_commits_is_unreadable() {
    let (_dir, workbook) = workbook();
    let scene = Scene::new();
    let repo = scene.path("frank");
    write_tree(&repo, &student_files(""));
    git(&repo, &["init", "-q"]);
    let reason = unreadable(scene.open(&repo, &workbook));
    assert!(reason.contains("no commits"), "{reason}");
}
