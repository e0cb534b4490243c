import os

basedir = os.path.abspath(os.path.dirname(__file__))


class Config:
    """Settings come from the environment; the fallbacks suit a laptop."""
    SECRET_KEY = os.environ.get('SECRET_KEY') or 'dev-key-not-for-production'
    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or \
        'sqlite:///' + os.path.join(basedir, 'app.db')
