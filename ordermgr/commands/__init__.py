"""Sub-commands of the `ordermgr` CLI, one module per area; each has `register(subparsers)`."""
