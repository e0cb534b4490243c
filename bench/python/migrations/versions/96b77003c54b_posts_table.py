"""posts table

Revision ID: 96b77003c54b
Revises: 21d81fd5534f
"""
from alembic import op
import sqlalchemy as sa

revision = '96b77003c54b'
down_revision = '21d81fd5534f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'post',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('body', sa.String(140)),
        sa.Column('timestamp', sa.DateTime()),
        sa.Column('user_id', sa.Integer()),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name='fk_post_user_id_user'),
    )
    op.create_index('ix_post_timestamp', 'post', ['timestamp'], unique=False)


def downgrade():
    op.drop_index('ix_post_timestamp', table_name='post')
    op.drop_table('post')
