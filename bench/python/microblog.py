"""The FLASK_APP entry point: the app, plus the names `flask shell` starts with."""
from app import app, db
from app.models import User, Post


@app.shell_context_processor
def make_shell_context():
    return {'db': db, 'User': User, 'Post': Post}
