"""store stage: the team database and the engineer pool.

`db.open_store(url, settings)` opens (creating or migrating) the database and returns a
`repo.Store`, which the rest of hayaoshi sees as `api.StoreLike`. `roster.import_roster` reads
the company's roster into the pool; `cli_pool.add_pool_parser` adds `hayaoshi pool ...`.
Nothing is imported here: importing the package does no work.
"""
