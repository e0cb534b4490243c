/** Database URLs: parsing the forms users write into a JDBC URL and a database kind. */
package microblog.db.url;
