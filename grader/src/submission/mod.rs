//! A student's submission as handed in (a folder, a git repository, a `.zip` or `.tar.gz`), opened
//! safely, and the learner files taken from it.
