"""users table

Revision ID: 21d81fd5534f
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = '21d81fd5534f'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'user',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('username', sa.String(64)),
        sa.Column('email', sa.String(120)),
        sa.Column('password_hash', sa.String(128)),
    )
    op.create_index('ix_user_email', 'user', ['email'], unique=True)
    op.create_index('ix_user_username', 'user', ['username'], unique=True)


def downgrade():
    op.drop_index('ix_user_username', table_name='user')
    op.drop_index('ix_user_email', table_name='user')
    op.drop_table('user')
