package microblog.app.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import microblog.app.models.Post;
import microblog.app.models.Post_;
import microblog.db.Sort;

/** The home page: the most recent posts and who wrote them. */
final class IndexPage {
    static final int RECENT_POSTS = 20;

    private final PageRenderer pages;

    IndexPage(PageRenderer pages) {
        this.pages = pages;
    }

    void show(Context ctx) {
        List<Post> posts = Post.query()
                .with(Post_.author)
                .orderBy(Sort.desc(Post_.timestamp), Sort.desc(Post_.id))
                .limit(RECENT_POSTS)
                .detached() // shown, never changed: no session work for them (docs/benchmarks.md)
                .all();
        pages.render(ctx, "index.html", "Home", Map.of("posts", posts));
    }
}
