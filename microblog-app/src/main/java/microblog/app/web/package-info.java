/** The web pages: index and sign-in, with CSRF protection and flashed messages. */
package microblog.app.web;
