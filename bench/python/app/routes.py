import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from sqlalchemy.orm import joinedload

from app import app, db
from app.forms import LoginForm
from app.models import Post

RECENT_POSTS = 20


@app.route('/')
@app.route('/index')
def index():
    # One query: the newest posts joined with their authors.
    query = (sa.select(Post).options(joinedload(Post.author))
             .order_by(Post.timestamp.desc(), Post.id.desc()).limit(RECENT_POSTS))
    posts = db.session.scalars(query).all()
    return render_template('index.html', title='Home', posts=posts)


@app.route('/login', methods=['GET', 'POST'])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        flash(f'Login requested for user {form.username.data}, '
              f'remember_me={form.remember_me.data}')
        return redirect(url_for('index'))
    return render_template('login.html', title='Sign In', form=form)
