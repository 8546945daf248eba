/*
 * The coordinator's way of working, through the program as they run it:
 * init a school's own folder, add items with new, translate one with
 * new --taal (and check warns when the Dutch changes after), take a
 * language out of site.yaml, preview with serve (an edit shows in the
 * served page, errors show in the browser, nothing outside out/ is
 * served), and the man page against --help.
 */
#define _GNU_SOURCE	/* prctl */
#include <glib.h>
#include <gio/gio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "out/writer.h"
#include "util.h"

static char *tmp;	/* a folder for this run */

/* A new folder in tmp for one case. */
static char *
case_dir(const char *name)
{
	char *d = g_build_filename(tmp, name, NULL);

	g_assert_cmpint(g_mkdir_with_parents(d, 0755), ==, 0);
	return d;
}

static char *
read_file(const char *path)
{
	char *text = NULL;

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	return text;
}

static void
write_file(const char *path, const char *text)
{
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

/* text with every from replaced by to; the caller frees it. */
static char *
replaced(const char *text, const char *from, const char *to)
{
	char **parts = g_strsplit(text, from, -1);
	char *r;

	g_assert_nonnull(parts[1]);
	r = g_strjoinv(to, parts);
	g_strfreev(parts);
	return r;
}

/* The 1-based number of the line of text that starts with prefix. */
static int
line_of(const char *text, const char *prefix)
{
	char **lines = g_strsplit(text, "\n", -1);
	int n = 0;

	for (int i = 0; lines[i] != NULL && n == 0; i++)
		if (g_str_has_prefix(lines[i], prefix))
			n = i + 1;
	g_strfreev(lines);
	return n;
}

/* keukentafel with these words; its stdout and stderr, the status. */
static int
kt(const char *const *words, char **out, char **err)
{
	GPtrArray *argv = g_ptr_array_new();
	char *said = NULL;
	int r;

	g_ptr_array_add(argv, (gpointer)KT);
	for (const char *const *w = words; *w != NULL; w++)
		g_ptr_array_add(argv, (gpointer)*w);
	g_ptr_array_add(argv, NULL);
	r = t_run((const char *const *)argv->pdata, NULL, out ? out : &said,
	    err);
	g_ptr_array_free(argv, TRUE);
	g_free(said);
	return r;
}

/* keukentafel check -C dir: its messages, the status. */
static int
check(const char *dir, char **err)
{
	const char *words[] = { "check", "-C", dir, NULL };

	return kt(words, NULL, err);
}

/* keukentafel init into case folder name/school: the school folder. */
static char *
init_school(const char *name)
{
	char *dir = case_dir(name);
	char *school = g_build_filename(dir, "school", NULL);
	const char *words[] = { "init", school, NULL };

	g_assert_cmpint(kt(words, NULL, NULL), ==, 0);
	g_free(dir);
	return school;
}

/* The text of the first element that xpath finds in an HTML file. */
static char *
html_text(const char *path, const char *xpath)
{
	htmlDocPtr d = htmlReadFile(path, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	xmlXPathContextPtr c;
	xmlXPathObjectPtr o;
	char *text = NULL;

	g_assert_nonnull(d);
	c = xmlXPathNewContext(d);
	o = xmlXPathEvalExpression(BAD_CAST xpath, c);
	if (o->nodesetval != NULL && o->nodesetval->nodeNr > 0) {
		xmlChar *t = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
		text = g_strstrip(g_strdup((const char *)t));
		xmlFree(t);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	xmlFreeDoc(d);
	return text;
}

/* ---- init ---- */

static void
test_init(void)
{
	char *school = init_school("init"), *err = NULL;
	char *readme = g_build_filename(school, "README.md", NULL);
	char *guide = read_file("content/README.md"), *copy = read_file(readme);
	const char *again[] = { "init", school, NULL };
	static const char *const files[] = {
		"site.yaml", "opdrachten/wat-kan-ik-goed.nl.md",
		"avonden/kennismaken.nl.md", "tips/eerst-goed-nieuws.nl.md",
		"gesprekken/kennismaken-met-de-mentor.nl.md",
		"woordenlijst/nl.yaml", NULL
	};

	g_assert_cmpstr(copy, ==, guide);
	for (const char *const *f = files; *f != NULL; f++) {
		char *p = g_build_filename(school, *f, NULL);
		g_assert_true(g_file_test(p, G_FILE_TEST_IS_REGULAR));
		g_free(p);
	}
	g_assert_cmpint(check(school, &err), ==, 0);
	g_assert_nonnull(strstr(err, "assignments: 1, evenings: 1, tips: 1, "
	    "talks: 1, files: 4; 0 errors, 0 warnings"));
	g_free(err);
	/* a folder that holds something is refused, and left as it was */
	write_file(readme, "mine");
	g_assert_cmpint(kt(again, NULL, &err), ==, 1);
	g_assert_nonnull(strstr(err, "already exists and is not empty"));
	g_free(copy);
	copy = read_file(readme);
	g_assert_cmpstr(copy, ==, "mine");
	g_free(err);
	g_free(copy);
	g_free(guide);
	g_free(readme);
	g_free(school);
}

/* ---- new ---- */

static void
test_new(void)
{
	char *school = init_school("new"), *err = NULL, *out, *page, *title;
	char *file = g_build_filename(school, "tips/luister-goed.nl.md", NULL);
	const char *kinds[][2] = { { "opdracht", "samen-kiezen" },
	    { "avond", "kiezen-met-ouders" }, { "tip", "luister-goed" },
	    { "gesprek", "samen-aan-tafel" } };
	const char *bad_slug[] = { "new", "tip", "Luister Goed", "-C", school,
	    NULL };
	const char *bad_kind[] = { "new", "blad", "x", "-C", school, NULL };
	const char *build[] = { "--no-pdf", NULL };

	for (int i = 0; i < 4; i++) {
		const char *words[] = { "new", kinds[i][0], kinds[i][1], "-C",
		    school, NULL };
		g_assert_cmpint(kt(words, NULL, NULL), ==, 0);
	}
	g_assert_true(g_file_test(file, G_FILE_TEST_IS_REGULAR));
	g_assert_cmpint(check(school, &err), ==, 0);
	g_assert_nonnull(strstr(err, "assignments: 2, evenings: 2, tips: 2, "
	    "talks: 2, files: 8; 0 errors, 0 warnings"));
	g_clear_pointer(&err, g_free);
	/* the title comes from the name, as the built page shows */
	out = g_build_filename(school, "..", "site", NULL);
	g_assert_cmpint(t_build(school, out, NULL, build, NULL), ==, 0);
	page = g_build_filename(out, "nl/opdrachten/samen-kiezen.html", NULL);
	title = html_text(page, "//h1");
	g_assert_cmpstr(title, ==, "Samen kiezen");
	/* a file that exists is never overwritten */
	write_file(file, "mine");
	{
		const char *words[] = { "new", "tip", "luister-goed", "-C",
		    school, NULL };
		char *text;

		g_assert_cmpint(kt(words, NULL, &err), ==, 1);
		g_assert_nonnull(strstr(err, "already exists"));
		text = read_file(file);
		g_assert_cmpstr(text, ==, "mine");
		g_free(text);
		g_clear_pointer(&err, g_free);
	}
	g_assert_cmpint(kt(bad_slug, NULL, &err), ==, 2);
	g_assert_nonnull(strstr(err, "lower-case letters, digits and hyphens"));
	g_clear_pointer(&err, g_free);
	g_assert_cmpint(kt(bad_kind, NULL, &err), ==, 2);
	g_assert_nonnull(strstr(err, "opdracht, avond, tip or gesprek"));
	g_free(err);
	g_free(title);
	g_free(page);
	g_free(out);
	g_free(file);
	g_free(school);
}

/* ---- new --taal, and bron ---- */

/* The school of init with English in site.yaml, as its comment says. */
static char *
school_with_english(const char *name)
{
	char *school = init_school(name);
	char *site = g_build_filename(school, "site.yaml", NULL);
	char *text = read_file(site), *with;

	with = replaced(text, "  # - code: en\n  #   naam: English\n",
	    "  - code: en\n    naam: English\n");
	write_file(site, with);
	g_free(with);
	g_free(text);
	g_free(site);
	return school;
}

static void
test_translation(void)
{
	char *school = school_with_english("taal"), *err = NULL, *text, *want;
	char *en = g_build_filename(school, "opdrachten/wat-kan-ik-goed.en.md",
	    NULL);
	char *nl = g_build_filename(school, "opdrachten/wat-kan-ik-goed.nl.md",
	    NULL);
	char *at, *dutch, *next;
	const char *kinds[][2] = { { "opdracht", "wat-kan-ik-goed" },
	    { "avond", "kennismaken" }, { "tip", "eerst-goed-nieuws" } };

	for (int i = 0; i < 3; i++) {
		const char *words[] = { "new", kinds[i][0], kinds[i][1],
		    "--taal", "en", "-C", school, NULL };
		g_assert_cmpint(kt(words, NULL, NULL), ==, 0);
	}
	/* what comes from the Dutch is not in it; the texts are, marked */
	text = read_file(en);
	g_assert_null(strstr(text, "pictogram:"));
	g_assert_null(strstr(text, "leerjaar:"));
	g_assert_nonnull(strstr(text, "vertaling: concept\n"));
	g_assert_nonnull(strstr(text, "# vertaal:\ntitel: Wat kan ik goed?\n"));
	g_assert_nonnull(strstr(text, "    # vertaal:\n    - tekst: Uw kind "
	    "vertelt erover.\n"));
	/* as it is, it passes check, and builds as a draft */
	g_assert_cmpint(check(school, &err), ==, 0);
	g_assert_nonnull(strstr(err, "; 0 errors, "));
	g_assert_null(strstr(err, ".en.md:"));
	g_clear_pointer(&err, g_free);
	/* the Dutch changes: check warns at bron, and says what to write */
	dutch = read_file(nl);
	next = replaced(dutch, "Uw kind vertelt erover.",
	    "Uw kind vertelt er thuis over.");
	write_file(nl, next);
	g_assert_cmpint(check(school, &err), ==, 0);
	want = g_strdup_printf("%s:%d:7: warning: the Dutch text changed "
	    "since this translation was made; update it, then set bron: ", en,
	    line_of(text, "bron: "));
	at = strstr(err, want);
	g_assert_nonnull(at);
	/* set as it says, the warning is gone */
	{
		char *digest = g_strndup(at + strlen(want), 12);
		char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256,
		    next, -1);
		char *old = g_strndup(strstr(text, "bron: ") + 6, 12);
		char *updated = replaced(text, old, digest);

		g_assert_true(g_str_has_prefix(sum, digest));
		write_file(en, updated);
		g_clear_pointer(&err, g_free);
		g_assert_cmpint(check(school, &err), ==, 0);
		g_assert_null(strstr(err, "changed since"));
		g_free(updated);
		g_free(old);
		g_free(sum);
		g_free(digest);
	}
	g_free(want);
	g_free(next);
	g_free(dutch);
	g_free(err);
	g_free(text);
	g_free(nl);
	g_free(en);
	g_free(school);
}

/* ---- a language taken out of site.yaml ---- */

static void
test_language_removed(void)
{
	char *dir = case_dir("removed"), *err = NULL, *text, *want, *site;
	char *content = g_build_filename(dir, "site", NULL);
	const char *cp[] = { "cp", "-r", "tests/site", content, NULL };
	char **lines;
	int errors = 0;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	site = g_build_filename(content, "site.yaml", NULL);
	text = read_file(site);
	want = replaced(text, "  - code: ti\n    naam: ትግርኛ\n", "");
	write_file(site, want);
	g_free(want);
	for (int i = 1; i <= 5; i++) {	/* seven files in Tigrinya now */
		char *p = g_strdup_printf("%s/tips/extra-%d.ti.md", content, i);
		write_file(p, "---\ntitel: x\n---\nx\n");
		g_free(p);
	}
	g_assert_cmpint(check(content, &err), ==, 1);
	/* one error, at talen, naming the first files and the count */
	want = g_strdup_printf("%s:%d:1: error: 7 files are in a language "
	    "that site.yaml does not list (ti): %s/avonden/kennismaking-klas-"
	    "1.ti.md, %s/opdrachten/trots-op-jezelf.ti.md, %s/tips/extra-1."
	    "ti.md, %s/tips/extra-2.ti.md, %s/tips/extra-3.ti.md and 2 more; "
	    "delete them (rm %s/*/*.ti.md), or add the language under "
	    "'talen'\n", site, line_of(text, "talen:"), content, content,
	    content, content, content, content);
	g_assert_nonnull(strstr(err, want));
	lines = g_strsplit(err, "\n", -1);
	for (char **l = lines; *l != NULL; l++)
		if (strstr(*l, ": error: ") != NULL)
			errors++;
	g_assert_cmpint(errors, ==, 1);
	g_strfreev(lines);
	g_free(want);
	g_free(err);
	g_free(text);
	g_free(site);
	g_free(content);
	g_free(dir);
}

/* ---- serve ---- */

/*
 * A GET of path from 127.0.0.1:port, written as given (no client tidies
 * it): the status, and the body (the caller frees it).
 */
static char *
http_get(int port, const char *path, int *status)
{
	GSocketClient *c = g_socket_client_new();
	GSocketConnection *conn;
	char *req = g_strdup_printf("GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n"
	    "\r\n", path), buf[8192], *body;
	GString *res = g_string_new(NULL);
	gssize n;

	g_socket_client_set_enable_proxy(c, FALSE);
	conn = g_socket_client_connect_to_host(c, "127.0.0.1", (guint16)port,
	    NULL, NULL);
	g_assert_nonnull(conn);
	g_assert_true(g_output_stream_write_all(g_io_stream_get_output_stream(
	    G_IO_STREAM(conn)), req, strlen(req), NULL, NULL, NULL));
	while ((n = g_input_stream_read(g_io_stream_get_input_stream(
	    G_IO_STREAM(conn)), buf, sizeof buf, NULL, NULL)) > 0)
		g_string_append_len(res, buf, n);
	g_assert_true(g_str_has_prefix(res->str, "HTTP/1."));
	*status = atoi(res->str + 9);
	body = strstr(res->str, "\r\n\r\n");
	body = g_strdup(body != NULL ? body + 4 : "");
	g_string_free(res, TRUE);
	g_free(req);
	g_object_unref(conn);
	g_object_unref(c);
	return body;
}

/*
 * Milliseconds until a GET of path answers status with needle in its
 * body, or -1 after limit milliseconds.
 */
static int
wait_for(int port, const char *path, int status, const char *needle,
    int limit)
{
	gint64 start = g_get_monotonic_time();

	for (;;) {
		int got, ms = (int)((g_get_monotonic_time() - start) / 1000);
		char *body = http_get(port, path, &got);
		gboolean found = got == status && strstr(body, needle) != NULL;

		g_free(body);
		if (found)
			return ms;
		if (ms > limit)
			return -1;
		g_usleep(25000);
	}
}

/* The serve process ends with the test, whatever happens to the test. */
static void
die_with_parent(gpointer unused)
{
	(void)unused;
	prctl(PR_SET_PDEATHSIG, SIGTERM);
}

/* keukentafel serve on content into out, on any free port: its port. */
static GSubprocess *
start_serve(const char *content, const char *out, int *port)
{
	GSubprocessLauncher *l = g_subprocess_launcher_new(
	    G_SUBPROCESS_FLAGS_STDOUT_PIPE);
	GSubprocess *p;
	GDataInputStream *in;
	char *line, *at;

	g_subprocess_launcher_set_child_setup(l, die_with_parent, NULL, NULL);
	p = g_subprocess_launcher_spawn(l, NULL, KT, "serve", "-C", content,
	    "-o", out, "--poort", "0", "--no-pdf", NULL);
	g_assert_nonnull(p);
	in = g_data_input_stream_new(g_subprocess_get_stdout_pipe(p));
	line = g_data_input_stream_read_line(in, NULL, NULL, NULL);
	g_assert_nonnull(line);
	/* on loopback, never on another address */
	at = strstr(line, " at http://127.0.0.1:");
	g_assert_nonnull(at);
	*port = atoi(at + strlen(" at http://127.0.0.1:"));
	g_assert_cmpint(*port, >, 0);
	g_free(line);
	g_object_unref(in);
	g_object_unref(l);
	return p;
}

/* The local addresses, in /proc/net's hex, listening on port. */
static char *
listeners(int port)
{
	GString *s = g_string_new(NULL);
	const char *tables[] = { "/proc/net/tcp", "/proc/net/tcp6" };
	char *want = g_strdup_printf(":%04X", port);

	for (int t = 0; t < 2; t++) {
		char *text = read_file(tables[t]), **lines;

		lines = g_strsplit(text, "\n", -1);
		for (char **l = lines + 1; *l != NULL; l++) {
			char **f = g_strsplit_set(g_strstrip(*l), " ", -1);
			GPtrArray *w = g_ptr_array_new();

			for (char **x = f; *x != NULL; x++)
				if (**x != '\0')
					g_ptr_array_add(w, *x);
			if (w->len > 3 && strcmp(g_ptr_array_index(w, 3),
			    "0A") == 0 && g_str_has_suffix(
			    g_ptr_array_index(w, 1), want))
				g_string_append_printf(s, "%s ",
				    (char *)g_ptr_array_index(w, 1));
			g_ptr_array_free(w, TRUE);
			g_strfreev(f);
		}
		g_strfreev(lines);
		g_free(text);
	}
	g_free(want);
	return g_string_free(s, FALSE);
}

/* Nothing outside out/ is served, however the path is written. */
static void
outside_refused(int port, const char *out)
{
	static const char *const paths[] = {
		"/../../../../etc/passwd", "/nl/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/nl/..%2f..%2f..%2fetc%2fpasswd", "/%2E%2E/%2E%2E/etc/passwd",
		"//etc/passwd", "/escape/passwd", NULL
	};
	char *link = g_build_filename(out, "escape", NULL);

	g_assert_cmpint(symlink("/etc", link), ==, 0);
	for (const char *const *p = paths; *p != NULL; p++) {
		int status;
		char *body = http_get(port, *p, &status);

		g_test_message("%s: %d", *p, status);
		g_assert_cmpint(status, >=, 400);
		g_assert_null(strstr(body, "root:"));
		g_free(body);
	}
	g_free(link);
}

static void
test_serve(void)
{
	char *dir = case_dir("serve"), *body, *file, *text, *edit, *got;
	char *content = g_build_filename(dir, "site", NULL);
	char *out = g_build_filename(dir, "out", NULL);
	char *nl = g_build_filename(content, "opdrachten/trots-op-jezelf.nl.md",
	    NULL);
	char *local = g_build_filename(out, "nl/opdrachten/trots-op-jezelf.html",
	    NULL), *loopback;
	const char *page = "/nl/opdrachten/trots-op-jezelf.html";
	const char *cp[] = { "cp", "-r", "tests/site", content, NULL };
	GSubprocess *p;
	int port, status;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	p = start_serve(content, out, &port);
	g_assert_cmpint(wait_for(port, page, 200, "Drie dingen waar ik trots "
	    "op ben", 30000), >=, 0);
	got = listeners(port);
	loopback = g_strdup_printf("0100007F:%04X ", port);
	g_assert_cmpstr(got, ==, loopback);
	/* the served page reloads itself; the file in out/ is as built */
	body = http_get(port, page, &status);
	g_assert_nonnull(strstr(body, "<script src=\"/_keukentafel/reload.js"));
	file = read_file(local);
	g_assert_null(strstr(file, "_keukentafel"));
	g_free(body);
	body = http_get(port, "/nl/opdrachten/geen-opdracht.html", &status);
	g_assert_cmpint(status, ==, 404);
	g_assert_nonnull(strstr(body, "<title>Pagina niet gevonden"));
	outside_refused(port, out);
	/* an edit shows within two seconds */
	text = read_file(nl);
	edit = replaced(text, "titel: Drie dingen", "titel: Vier dingen");
	write_file(nl, edit);
	g_assert_cmpint(wait_for(port, page, 200, "Vier dingen waar ik trots",
	    2000), >=, 0);
	/* a mistake shows in the browser, at its line, until corrected */
	g_free(edit);
	edit = replaced(text, "pictogram: trots\n", "pictogram: trotss\n");
	write_file(nl, edit);
	g_assert_cmpint(wait_for(port, page, 500, "trots-op-jezelf.nl.md:11:"
	    "12: error: unknown pictogram", 2000), >=, 0);
	write_file(nl, text);
	g_assert_cmpint(wait_for(port, page, 200, "Drie dingen waar ik trots",
	    2000), >=, 0);
	g_subprocess_send_signal(p, SIGTERM);
	g_assert_true(g_subprocess_wait(p, NULL, NULL));
	g_assert_true(g_subprocess_get_if_exited(p));
	g_assert_cmpint(g_subprocess_get_exit_status(p), ==, 0);
	g_object_unref(p);
	g_free(loopback);
	g_free(got);
	g_free(edit);
	g_free(text);
	g_free(file);
	g_free(body);
	g_free(local);
	g_free(nl);
	g_free(out);
	g_free(content);
	g_free(dir);
}

/* ---- the man page and --help ---- */

/* Every match of pattern's first group in text, sorted, one a line. */
static char *
matches(const char *text, const char *pattern)
{
	GRegex *re = g_regex_new(pattern, G_REGEX_MULTILINE, 0, NULL);
	GMatchInfo *m;
	GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
	GString *s = g_string_new(NULL);

	g_regex_match(re, text, 0, &m);
	for (; g_match_info_matches(m); g_match_info_next(m, NULL)) {
		char *w = g_match_info_fetch(m, 1);

		if (!g_ptr_array_find_with_equal_func(all, w, g_str_equal,
		    NULL))
			g_ptr_array_add(all, w);
		else
			g_free(w);
	}
	g_ptr_array_sort(all, t_cmp_str);
	for (guint i = 0; i < all->len; i++)
		g_string_append_printf(s, "%s\n",
		    (char *)g_ptr_array_index(all, i));
	g_match_info_free(m);
	g_regex_unref(re);
	g_ptr_array_free(all, TRUE);
	return g_string_free(s, FALSE);
}

static void
test_man_page(void)
{
	const char *help[] = { "--help", NULL };
	char *usage = NULL, *man = read_file("keukentafel.1");
	char *in_man, *in_help;

	g_assert_cmpint(kt(help, &usage, NULL), ==, 0);
	/* every long option of one is in the other */
	in_man = matches(man, "Fl Fl ([a-z][a-z-]*)");
	in_help = matches(usage, "--([a-z][a-z-]*)");
	g_assert_cmpstr(in_man, ==, in_help);
	g_assert_nonnull(strstr(in_help, "\npoort\n"));
	g_assert_nonnull(strstr(in_help, "\ntaal\n"));
	g_free(in_man);
	g_free(in_help);
	/* and every command */
	in_man = matches(man, "^\\.Cm (build|check|serve|init|new|print)$");
	in_help = matches(usage, "^ *(?:usage:)? *keukentafel ([a-z]+) ");
	g_assert_cmpstr(in_man, ==, in_help);
	g_assert_cmpstr(in_help, ==, "build\ncheck\ninit\nnew\nprint\nserve\n");
	g_free(in_man);
	g_free(in_help);
	g_free(usage);
	g_free(man);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-workflow-XXXXXX", NULL);
	g_test_add_func("/workflow/init", test_init);
	g_test_add_func("/workflow/new", test_new);
	g_test_add_func("/workflow/translation", test_translation);
	g_test_add_func("/workflow/language-removed", test_language_removed);
	g_test_add_func("/workflow/serve", test_serve);
	g_test_add_func("/workflow/man-page", test_man_page);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
