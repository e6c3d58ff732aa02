"""The mailbox daemon: `hayaoshi run` watches the configured accounts and runs every new mail through
the pipeline, once; `hayaoshi status` shows how that goes. See docs/daemon.md.

runner.Daemon (threads, scheduler) → worker.FolderWorker (one per account and folder) →
process.Processor (one message) → limits (bounds, the parse in a child process) and ledger (claims).
Nothing is imported here: importing the package does no work.
"""
