/**
 * The Flask-SQLAlchemy analogue: {@link microblog.db.Database} (pool + ORM),
 * {@link microblog.db.DbSession} (unit of work), {@link microblog.db.Query}
 * and {@link microblog.db.Model}. Knows nothing of migrations or of any app.
 */
package microblog.db;
