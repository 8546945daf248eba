/*
 * serve: the build is this program's own `keukentafel build`, run as a
 * child process (it is incremental, and the server keeps answering from
 * the out/ it swaps in while it runs; its messages are what the browser
 * shows when it fails). GFileMonitor watches every folder of the content
 * and the theme; a burst of changes settles into one build. libsoup
 * serves the files of out/ on 127.0.0.1 only, never a path outside out/,
 * and adds a small script to every HTML page it sends (never to the
 * files) that reloads the page when a newer build is there.
 */
#include "build/serve.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib-unix.h>
#include <libsoup/soup.h>

#include "load/file.h"

#define KT_SERVE_SETTLE_MS 50	/* quiet time after a change, then build */
#define KT_SERVE_PREFIX "/_keukentafel/"	/* never a file in out/ */

/* Polls the build number; a new one reloads the page. */
static const char reload_js[] =
    "// keukentafel serve: reloads the page when a new build is there\n"
    "(function () {\n"
    "\tvar seen = document.currentScript.getAttribute('data-build');\n"
    "\tfunction poll() {\n"
    "\t\tfetch('" KT_SERVE_PREFIX "build', { cache: 'no-store' })\n"
    "\t\t    .then(function (r) { return r.text(); })\n"
    "\t\t    .then(function (b) {\n"
    "\t\t\tif (b !== seen)\n"
    "\t\t\t\tlocation.reload();\n"
    "\t\t\telse\n"
    "\t\t\t\tsetTimeout(poll, 200);\n"
    "\t\t}, function () { setTimeout(poll, 1000); });\n"
    "\t}\n"
    "\tsetTimeout(poll, 200);\n"
    "})();\n";

static const char *const types[][2] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".pdf", "application/pdf" },
	{ ".xml", "application/xml" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".woff2", "font/woff2" },
};

enum state { KT_BUILDING, KT_BUILT, KT_FAILED };

struct server {
	const struct kt_options *o;
	GMainLoop *loop;
	SoupServer *soup;
	char *exe;		/* this program: the build */
	char *out;		/* out/, canonical */
	char *class_dir;	/* the class lists, canonical: no build there */
	GHashTable *monitors;	/* folder -> its GFileMonitor */
	GSubprocess *child;	/* the build under way, or NULL */
	gboolean again;		/* a file changed while it ran */
	guint settle;		/* the timeout that starts the next build */
	guint number;		/* of the builds ended; pages reload on a new one */
	enum state state;	/* of the last build */
	char *messages;		/* what the last build said */
	gint64 started;
};

/* ---- the build ---- */

static void
arg(GPtrArray *argv, const char *flag, const char *value)
{
	if (value == NULL)
		return;
	g_ptr_array_add(argv, g_strdup(flag));
	g_ptr_array_add(argv, g_strdup(value));
}

/* keukentafel build with the options serve was given. */
static GPtrArray *
build_argv(const struct server *s)
{
	const struct kt_options *o = s->o;
	GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);

	g_ptr_array_add(argv, g_strdup(s->exe));
	g_ptr_array_add(argv, g_strdup("build"));
	g_ptr_array_add(argv, g_strdup("-q"));
	arg(argv, "-C", o->content);
	arg(argv, "-o", o->out);
	arg(argv, "-t", o->theme);
	arg(argv, "--openmoji", o->openmoji);
	arg(argv, "--stemmers", o->stemmers);
	if (o->jobs > 0)
		g_ptr_array_add(argv, g_strdup_printf("-j%d", o->jobs));
	if (o->no_pdf)
		g_ptr_array_add(argv, g_strdup("--no-pdf"));
	arg(argv, "--mentor", o->mentor);
	arg(argv, "--telefoon", o->phone);
	arg(argv, "--inleveren", o->due);
	arg(argv, "--datum", o->date);
	arg(argv, "--aanvang", o->start);
	arg(argv, "--locatie", o->place);
	arg(argv, "--klas", o->class_list);
	arg(argv, "--klassenmap", o->class_dir);
	g_ptr_array_add(argv, NULL);
	return argv;
}

static void start_build(struct server *);

static void
build_ended(GObject *child, GAsyncResult *res, gpointer data)
{
	struct server *s = data;
	GBytes *err = NULL;
	GError *e = NULL;
	gboolean ok;

	ok = g_subprocess_communicate_finish(G_SUBPROCESS(child), res, NULL,
	    &err, &e) && g_subprocess_get_if_exited(s->child) &&
	    g_subprocess_get_exit_status(s->child) == 0;
	g_free(s->messages);
	s->messages = err != NULL ? g_utf8_make_valid(g_bytes_get_data(err,
	    NULL), (gssize)g_bytes_get_size(err)) : g_strdup(e != NULL ?
	    e->message : "");
	fputs(s->messages, stderr);
	fprintf(stderr, ok ? "keukentafel: built in %.1f s; open pages "
	    "reload\n" : "keukentafel: the build failed (%.1f s); the "
	    "browser shows why until it is corrected\n",
	    (double)(g_get_monotonic_time() - s->started) / 1e6);
	s->state = ok ? KT_BUILT : KT_FAILED;
	s->number++;
	g_clear_error(&e);
	if (err != NULL)
		g_bytes_unref(err);
	g_object_unref(s->child);
	s->child = NULL;
	if (s->again)
		start_build(s);
}

static void
start_build(struct server *s)
{
	GPtrArray *argv = build_argv(s);
	GError *e = NULL;

	s->again = FALSE;
	s->started = g_get_monotonic_time();
	s->child = g_subprocess_newv((const char *const *)argv->pdata,
	    G_SUBPROCESS_FLAGS_STDERR_PIPE, &e);
	g_ptr_array_free(argv, TRUE);
	if (s->child == NULL) {
		g_free(s->messages);
		s->messages = g_strdup_printf("keukentafel: cannot run the "
		    "build: %s\n", e->message);
		fputs(s->messages, stderr);
		s->state = KT_FAILED;
		s->number++;
		g_error_free(e);
		return;
	}
	g_subprocess_communicate_async(s->child, NULL, NULL, build_ended, s);
}

/* ---- watching the content and the theme ---- */

static gboolean
within(const char *path, const char *dir)
{
	size_t n = dir != NULL ? strlen(dir) : 0;

	return n > 0 && strncmp(path, dir, n) == 0 &&
	    (path[n] == '/' || path[n] == '\0');
}

/* Editors' and the build's own files, and what the build writes. */
static gboolean
ignored(const struct server *s, const char *path)
{
	char *name = g_path_get_basename(path);
	gboolean skip = name[0] == '.' || g_str_has_suffix(name, "~") ||
	    name[0] == '#' || within(path, s->out) ||
	    within(path, s->class_dir);

	g_free(name);
	return skip;
}

static gboolean
settled(gpointer data)
{
	struct server *s = data;

	s->settle = 0;
	if (s->child != NULL)
		s->again = TRUE;
	else
		start_build(s);
	return G_SOURCE_REMOVE;
}

static void watch(struct server *, const char *dir, gboolean root);

static void
changed(GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent ev,
    gpointer data)
{
	struct server *s = data;
	GFile *now = ev == G_FILE_MONITOR_EVENT_RENAMED && other != NULL ?
	    other : file;
	char *path = g_file_get_path(now), *gone = g_file_get_path(file);

	(void)m;
	if (path == NULL || gone == NULL || (ignored(s, path) &&
	    ignored(s, gone))) {
		g_free(path);
		g_free(gone);
		return;
	}
	if (ev == G_FILE_MONITOR_EVENT_DELETED ||
	    ev == G_FILE_MONITOR_EVENT_MOVED_OUT ||
	    ev == G_FILE_MONITOR_EVENT_RENAMED)
		g_hash_table_remove(s->monitors, gone);
	if (g_file_test(path, G_FILE_TEST_IS_DIR))
		watch(s, path, FALSE);
	if (s->settle != 0)
		g_source_remove(s->settle);
	s->settle = g_timeout_add(KT_SERVE_SETTLE_MS, settled, s);
	g_free(path);
	g_free(gone);
}

static void
unwatch(gpointer monitor)
{
	g_file_monitor_cancel(monitor);
	g_object_unref(monitor);
}

/* Watches dir and every folder below it but those ignored. */
static void
watch(struct server *s, const char *dir, gboolean root)
{
	char *path = g_canonicalize_filename(dir, NULL);
	GFile *f = g_file_new_for_path(path);
	GFileMonitor *m;
	GDir *d;
	const char *name;

	if (g_hash_table_contains(s->monitors, path) ||
	    (!root && ignored(s, path)) ||
	    (m = g_file_monitor_directory(f, G_FILE_MONITOR_WATCH_MOVES,
	    NULL, NULL)) == NULL) {
		g_object_unref(f);
		g_free(path);
		return;
	}
	g_signal_connect(m, "changed", G_CALLBACK(changed), s);
	g_hash_table_insert(s->monitors, g_strdup(path), m);
	if ((d = g_dir_open(path, 0, NULL)) != NULL) {
		while ((name = g_dir_read_name(d)) != NULL) {
			char *sub = g_build_filename(path, name, NULL);

			if (g_file_test(sub, G_FILE_TEST_IS_DIR))
				watch(s, sub, FALSE);
			g_free(sub);
		}
		g_dir_close(d);
	}
	g_object_unref(f);
	g_free(path);
}

/* ---- answering ---- */

static const char *
type_of(const char *path)
{
	for (size_t i = 0; i < G_N_ELEMENTS(types); i++)
		if (g_str_has_suffix(path, types[i][0]))
			return types[i][1];
	return "application/octet-stream";
}

/* The page with the reload script before </body>; takes html. */
static char *
with_reload(const struct server *s, char *html, gsize *len)
{
	char *script = g_strdup_printf("<script src=\"" KT_SERVE_PREFIX
	    "reload.js\" data-build=\"%u\"></script>\n", s->number);
	char *end = g_strrstr(html, "</body>"), *page;

	if (end == NULL)
		end = html + strlen(html);
	page = g_strdup_printf("%.*s%s%s", (int)(end - html), html, script,
	    end);
	*len = strlen(page);
	g_free(script);
	g_free(html);
	return page;
}

/* Sends body, which it takes. */
static void
respond(SoupServerMessage *msg, guint status, const char *type, char *body,
    gsize len)
{
	SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);

	soup_message_headers_replace(h, "Cache-Control", "no-store");
	soup_message_headers_replace(h, "X-Content-Type-Options", "nosniff");
	soup_server_message_set_status(msg, status, NULL);
	soup_server_message_set_response(msg, type, SOUP_MEMORY_TAKE, body,
	    len);
}

/* While there is no site to show: the build under way, or its errors. */
static void
status_page(const struct server *s, SoupServerMessage *msg)
{
	GString *p = g_string_new("<!DOCTYPE html>\n<html lang=\"en\">\n"
	    "<head><meta charset=\"utf-8\"><title>keukentafel serve</title>\n"
	    "<style>body{font:1rem/1.5 sans-serif;margin:2rem;max-width:60rem}"
	    "li{font-family:monospace;margin:.5rem 0}.error{color:#a00000}"
	    "</style></head>\n<body>\n");
	char **lines = g_strsplit(s->messages ? s->messages : "", "\n", -1);
	char *html;
	gsize len;

	if (s->state == KT_BUILDING) {
		g_string_append(p, "<h1>Building the site</h1>\n<p>This page "
		    "shows it when it is ready.</p>\n");
	} else {
		g_string_append(p, "<h1>The build failed</h1>\n<p>Correct "
		    "the content and save the file: this page shows the "
		    "site again when the build succeeds.</p>\n<ul>\n");
		for (char **l = lines; *l != NULL; l++) {
			char *text = g_markup_escape_text(*l, -1);

			if (**l != '\0')
				g_string_append_printf(p, "<li%s>%s</li>\n",
				    strstr(*l, ": error: ") != NULL ?
				    " class=\"error\"" : "", text);
			g_free(text);
		}
		g_string_append(p, "</ul>\n");
	}
	g_string_append(p, "</body>\n</html>\n");
	g_strfreev(lines);
	html = with_reload(s, g_string_free(p, FALSE), &len);
	respond(msg, s->state == KT_BUILDING ? SOUP_STATUS_SERVICE_UNAVAILABLE :
	    SOUP_STATUS_INTERNAL_SERVER_ERROR, types[0][1], html, len);
}

/*
 * The file in out/ that the request's path names, or NULL for a path
 * that would leave out/: a "..", an encoded / or NUL, a link that points
 * outside. The file need not exist.
 */
static char *
file_of(const struct server *s, const char *encoded)
{
	char *path = g_uri_unescape_string(encoded, "/");
	char **parts, *file = NULL;
	gboolean ok = path != NULL && path[0] == '/';

	parts = g_strsplit(ok ? path : "", "/", -1);
	for (char **p = parts; ok && *p != NULL; p++)
		ok = strcmp(*p, "..") != 0;
	if (ok)
		file = g_build_filename(s->out, path, NULL);
	if (file != NULL && g_file_test(file, G_FILE_TEST_EXISTS) &&
	    !kt_resolves_inside(file, s->out))
		g_clear_pointer(&file, g_free);
	g_strfreev(parts);
	g_free(path);
	return file;
}

/* A file of out/, a page with the reload script, or the site's 404. */
static void
send_file(const struct server *s, SoupServerMessage *msg, const char *file)
{
	char *data = NULL, *missing = g_build_filename(s->out, "404.html",
	    NULL);
	gsize len = 0;
	guint status = SOUP_STATUS_OK;

	if (!g_file_test(file, G_FILE_TEST_IS_REGULAR) ||
	    !g_file_get_contents(file, &data, &len, NULL)) {
		status = SOUP_STATUS_NOT_FOUND;
		file = missing;
		if (!g_file_get_contents(file, &data, &len, NULL))
			data = g_strdup("<!DOCTYPE html>\n<title>Not found"
			    "</title>\n<p>Not found.</p>\n");
	}
	if (g_str_has_suffix(file, ".html"))
		data = with_reload(s, data, &len);
	respond(msg, status, type_of(file), data, len);
	g_free(missing);
}

static void
handle(SoupServer *soup, SoupServerMessage *msg, const char *unused,
    GHashTable *query, gpointer data)
{
	const struct server *s = data;
	const char *method = soup_server_message_get_method(msg);
	const char *path = g_uri_get_path(soup_server_message_get_uri(msg));
	char *file, *index;

	(void)soup;
	(void)unused;
	(void)query;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		soup_server_message_set_status(msg,
		    SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
		return;
	}
	if (strcmp(path, KT_SERVE_PREFIX "reload.js") == 0) {
		respond(msg, SOUP_STATUS_OK, type_of(".js"), g_strdup(
		    reload_js), strlen(reload_js));
		return;
	}
	if (strcmp(path, KT_SERVE_PREFIX "build") == 0) {
		file = g_strdup_printf("%u", s->number);
		respond(msg, SOUP_STATUS_OK, type_of(".txt"), file,
		    strlen(file));
		return;
	}
	if ((file = file_of(s, path)) == NULL) {
		file = g_strdup("forbidden: outside the site\n");
		respond(msg, SOUP_STATUS_FORBIDDEN, type_of(".txt"), file,
		    strlen(file));
		return;
	}
	if (g_file_test(file, G_FILE_TEST_IS_DIR) &&
	    !g_str_has_suffix(path, "/")) {
		index = g_strconcat(path, "/", NULL);
		soup_server_message_set_redirect(msg,
		    SOUP_STATUS_MOVED_PERMANENTLY, index);
		g_free(index);
	} else {
		if (g_file_test(file, G_FILE_TEST_IS_DIR)) {
			index = g_build_filename(file, "index.html", NULL);
			g_free(file);
			file = index;
		}
		if (s->state != KT_BUILT && (g_str_has_suffix(file, ".html") ||
		    !g_file_test(file, G_FILE_TEST_IS_REGULAR)))
			status_page(s, msg);
		else
			send_file(s, msg, file);
	}
	g_free(file);
}

/* ---- the command ---- */

static gboolean
stop(gpointer loop)
{
	g_main_loop_quit(loop);
	return G_SOURCE_CONTINUE;
}

/* Listens on 127.0.0.1 and says where; FALSE after saying why not. */
static gboolean
listen_local(struct server *s)
{
	GError *e = NULL;
	GSList *uris;

	s->soup = soup_server_new("server-header", "keukentafel ", NULL);
	soup_server_add_handler(s->soup, NULL, handle, s, NULL);
	if (!soup_server_listen_local(s->soup, (guint)s->o->port,
	    SOUP_SERVER_LISTEN_IPV4_ONLY, &e)) {
		fprintf(stderr, "keukentafel: cannot serve on 127.0.0.1:%d: "
		    "%s; choose another port with --poort\n", s->o->port,
		    e->message);
		g_error_free(e);
		return FALSE;
	}
	uris = soup_server_get_uris(s->soup);
	if (uris != NULL) {
		char *u = g_uri_to_string(uris->data);

		printf("keukentafel: serving %s at %s (Ctrl-C stops)\n",
		    s->o->out, u);
		fflush(stdout);
		g_free(u);
	}
	g_slist_free_full(uris, (GDestroyNotify)g_uri_unref);
	return TRUE;
}

int
kt_cmd_serve(const struct kt_options *o)
{
	struct server s = { 0 };
	guint signals[2] = { 0, 0 };
	int status = 1;

	s.o = o;
	s.exe = g_file_read_link("/proc/self/exe", NULL);
	s.out = g_canonicalize_filename(o->out, NULL);
	s.class_dir = o->class_list != NULL ?
	    g_canonicalize_filename(o->class_dir, NULL) : NULL;
	s.monitors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    unwatch);
	s.loop = g_main_loop_new(NULL, FALSE);
	if (s.exe != NULL && listen_local(&s)) {
		watch(&s, o->content, TRUE);
		watch(&s, o->theme, TRUE);
		start_build(&s);
		signals[0] = g_unix_signal_add(SIGINT, stop, s.loop);
		signals[1] = g_unix_signal_add(SIGTERM, stop, s.loop);
		g_main_loop_run(s.loop);
		g_source_remove(signals[0]);
		g_source_remove(signals[1]);
		status = 0;
	} else if (s.exe == NULL) {
		fprintf(stderr, "keukentafel: cannot find this program's own "
		    "file to run the build\n");
	}
	if (s.child != NULL) {
		/* a build cut short leaves out/ as it was */
		g_subprocess_send_signal(s.child, SIGTERM);
		g_subprocess_wait(s.child, NULL, NULL);
		g_object_unref(s.child);
	}
	if (s.settle != 0)
		g_source_remove(s.settle);
	g_hash_table_destroy(s.monitors);
	if (s.soup != NULL)
		g_object_unref(s.soup);
	g_main_loop_unref(s.loop);
	g_free(s.messages);
	g_free(s.class_dir);
	g_free(s.out);
	g_free(s.exe);
	return status;
}
