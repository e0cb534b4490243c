package microblog.app.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the Jinja-like Pebble templates in {@code templates/} on the class
 * path. Output is HTML-escaped unless a template says otherwise, so text users
 * wrote cannot inject markup.
 */
final class Templates {
    private final PebbleEngine engine;

    Templates() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .strictVariables(false)
                .build();
    }

    String render(String name, Map<String, Object> model) {
        PebbleTemplate template = engine.getTemplate(name);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
