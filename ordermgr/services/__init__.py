"""Use cases: the only code that writes. Each takes a unit of work and keyword-only arguments,
checks the actor's permission, changes the domain in one transaction, audits it and returns what
changed."""
