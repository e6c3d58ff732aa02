"""hayaoshi (早押し): the quick-press assistant for SES sales mailboxes."""

__version__ = "0.1.0"
