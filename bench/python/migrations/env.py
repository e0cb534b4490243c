"""Alembic runs this for every `flask db` command that reads or changes the schema."""
from logging.config import fileConfig

from alembic import context
from flask import current_app

if context.config.config_file_name:
    fileConfig(context.config.config_file_name)

db = current_app.extensions['migrate'].db


def run_offline():
    # --sql: print the statements instead of connecting.
    url = db.engine.url.render_as_string(hide_password=False)
    context.configure(url=url, target_metadata=db.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online():
    with db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=db.metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
