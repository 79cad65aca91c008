"""The `lachan` commands, one module per area; see lachan.cli."""
