/*
 * Walks the content folder: site.yaml first (it names the languages), then
 * the pictograms, strings and glossary, then the three item folders, each
 * Dutch source before its translations. Cross-file checks live here.
 */
#include "load/load.h"

#include <string.h>

#include "load/file.h"
#include "load/item.h"
#include "text/svg.h"

#define KT_STRAYS_SHOWN 5	/* files named; the rest are counted */

gboolean
kt_valid_slug(const char *s, size_t n)
{
	if (n == 0 || s[0] == '-')
		return FALSE;
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_islower(s[i]) && !g_ascii_isdigit(s[i]) &&
		    s[i] != '-')
			return FALSE;
	return TRUE;
}

gboolean
kt_parse_filename(const char *name, char **slug, char **lang)
{
	size_t n = strlen(name);
	const char *dot;

	if (n < 4 || strcmp(name + n - 3, ".md") != 0)
		return FALSE;
	n -= 3;
	dot = g_strrstr_len(name, (gssize)n, ".");
	if (dot == NULL || !kt_valid_slug(name, (size_t)(dot - name)))
		return FALSE;
	for (const char *p = dot + 1; p < name + n; p++)
		if (!g_ascii_islower(*p))
			return FALSE;
	if (name + n - (dot + 1) < 2 || name + n - (dot + 1) > 3)
		return FALSE;
	*slug = g_strndup(name, (gsize)(dot - name));
	*lang = g_strndup(dot + 1, (gsize)(name + n - dot - 1));
	return TRUE;
}

struct entry {
	char *path, *slug, *lang;
};

static void
entry_free(struct entry *e)
{
	g_free(e->path);
	g_free(e->slug);
	g_free(e->lang);
	g_free(e);
}

/* Dutch first within a slug, so translations find their source. */
static gint
cmp_entry(gconstpointer a, gconstpointer b)
{
	const struct entry *x = *(struct entry *const *)a;
	const struct entry *y = *(struct entry *const *)b;
	int c = strcmp(x->slug, y->slug);

	if (c != 0)
		return c;
	if (strcmp(x->lang, "nl") == 0)
		return strcmp(y->lang, "nl") == 0 ? 0 : -1;
	if (strcmp(y->lang, "nl") == 0)
		return 1;
	return strcmp(x->lang, y->lang);
}

/* The files of one slug, Dutch first, loaded into one item. */
struct group {
	enum kt_kind kind;
	const char *dir, *content;
	const struct kt_model *m;
	struct kt_diag *d;
	struct entry **e;
	guint n;
	struct kt_item *it;	/* the result, NULL if the source failed */
};

/*
 * A group reads only the model's site, pictograms and strings, and owns
 * its item until load_kind adds it: groups load side by side.
 */
static void
load_group(gpointer data, gpointer unused)
{
	struct group *g = data;

	(void)unused;
	for (guint i = 0; i < g->n; i++) {
		const struct entry *e = g->e[i];

		if (strcmp(e->lang, "nl") == 0) {
			g->it = kt_load_source(g->kind, e->path, e->slug,
			    g->content, g->m, g->d);
			continue;
		}
		if (g->it == NULL) {
			char *nl = g_strdup_printf("%s/%s.nl.md", g->dir,
			    e->slug);
			if (!g_file_test(nl, G_FILE_TEST_EXISTS))
				kt_error(g->d, e->path, 0, 0, "translation "
				    "without a Dutch source; create %s first "
				    "(or check the spelling of the name)", nl);
			g_free(nl);
			continue;
		}
		struct kt_text *t = kt_load_translation(g->it, e->path,
		    e->lang, g->content, g->m, g->d);
		if (t != NULL)
			g_hash_table_insert(g->it->texts, t->lang, t);
	}
}

/*
 * Reads one item folder with up to `threads` threads (0: one a core). The
 * files in a language site.yaml does not list go to strays.
 */
static void
load_kind(struct kt_model *m, enum kt_kind kind, const char *content,
    int threads, struct kt_diag *d, GPtrArray *strays)
{
	char *dir = g_build_filename(content, kt_kind_dir(kind), NULL);
	GDir *dh = g_dir_open(dir, 0, NULL);
	GPtrArray *entries = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)entry_free);
	struct group *groups;
	guint ngroups = 0;
	GThreadPool *pool;
	const char *name;

	if (dh == NULL) {
		g_free(dir);
		g_ptr_array_free(entries, TRUE);
		return;		/* an empty bank is allowed */
	}
	while ((name = g_dir_read_name(dh)) != NULL) {
		struct entry *e;
		char *path, *slug, *lang;

		if (name[0] == '.' || g_str_has_suffix(name, "~"))
			continue;	/* editor and system files */
		path = g_build_filename(dir, name, NULL);
		if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
			kt_warning(d, path, 0, 0, "folders inside %s/ are not "
			    "read; move the files up", kt_kind_dir(kind));
			g_free(path);
			continue;
		}
		if (!kt_parse_filename(name, &slug, &lang)) {
			if (g_str_has_suffix(name, ".md"))
				kt_error(d, path, 0, 0, "name the file "
				    "<slug>.<language>.md, e.g. "
				    "mijn-opdracht.nl.md: lower-case letters, "
				    "digits and hyphens");
			else
				kt_warning(d, path, 0, 0, "not read: content "
				    "files end in .<language>.md");
			g_free(path);
			continue;
		}
		e = g_new0(struct entry, 1);
		e->path = path;
		e->slug = slug;
		e->lang = lang;
		g_ptr_array_add(kt_site_language(&m->site, lang) != NULL ?
		    entries : strays, e);
	}
	g_dir_close(dh);
	g_ptr_array_sort(entries, cmp_entry);

	groups = g_new0(struct group, entries->len);
	for (guint i = 0; i < entries->len; i++) {
		struct entry **e = (struct entry **)entries->pdata + i;

		if (ngroups == 0 || strcmp(groups[ngroups - 1].e[0]->slug,
		    (*e)->slug) != 0)
			groups[ngroups++] = (struct group){ kind, dir, content,
			    m, d, e, 0, NULL };
		groups[ngroups - 1].n++;
	}
	pool = threads == 1 || ngroups < 2 ? NULL : g_thread_pool_new(
	    load_group, NULL, threads > 0 ? threads :
	    (int)g_get_num_processors(), TRUE, NULL);
	for (guint i = 0; i < ngroups; i++)
		if (pool != NULL)
			g_thread_pool_push(pool, &groups[i], NULL);
		else	/* one thread, or no more threads to be had */
			load_group(&groups[i], NULL);
	if (pool != NULL)
		g_thread_pool_free(pool, FALSE, TRUE);	/* waits for all */
	for (guint i = 0; i < ngroups; i++)
		if (groups[i].it != NULL)
			g_ptr_array_add(m->items[kind], groups[i].it);
	g_free(groups);
	g_ptr_array_free(entries, TRUE);
	g_free(dir);
}

static gint
cmp_path(gconstpointer a, gconstpointer b)
{
	return strcmp((*(struct entry *const *)a)->path,
	    (*(struct entry *const *)b)->path);
}

/*
 * Files in languages that site.yaml does not list. One is likely a file
 * misnamed, said at the file; more are a language taken out of site.yaml,
 * said once, at its talen line, with the files to delete.
 */
static void
report_strays(const struct kt_model *m, const char *site, const char *content,
    GPtrArray *strays, struct kt_diag *d)
{
	GString *files = g_string_new(NULL), *rm = g_string_new(NULL);
	GPtrArray *langs = g_ptr_array_new();
	char *dir = content[strspn(content, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-")] == '\0' ?
	    g_strdup(content) : g_shell_quote(content), *list;
	guint n;

	g_ptr_array_sort(strays, cmp_path);
	for (guint i = 0; i < strays->len; i++) {
		const struct entry *e = g_ptr_array_index(strays, i);

		if (i < KT_STRAYS_SHOWN)
			g_string_append_printf(files, "%s%s", i ? ", " : "",
			    e->path);
		if (!g_ptr_array_find_with_equal_func(langs, e->lang,
		    g_str_equal, NULL))
			g_ptr_array_add(langs, e->lang);
	}
	if (strays->len > KT_STRAYS_SHOWN)
		g_string_append_printf(files, " and %u more",
		    strays->len - KT_STRAYS_SHOWN);
	g_ptr_array_sort(langs, kt_cmp_str);
	n = langs->len;
	for (guint i = 0; i < n; i++)
		g_string_append_printf(rm, " %s/*/*.%s.md", dir,
		    (char *)g_ptr_array_index(langs, i));
	g_ptr_array_add(langs, NULL);
	list = g_strjoinv(", ", (char **)langs->pdata);
	if (strays->len == 1)
		kt_error(d, ((struct entry *)g_ptr_array_index(strays,
		    0))->path, 0, 0, "language '%s' is not in "
		    "site.yaml; add it under 'talen' or rename the file",
		    list);
	else if (strays->len > 1)
		kt_error(d, site, m->site.languages_line,
		    m->site.languages_col, "%u files are in %s that "
		    "site.yaml does not list (%s): %s; delete them (rm%s), "
		    "or add %s under 'talen'", strays->len, n > 1 ?
		    "languages" : "a language", list, files->str, rm->str,
		    n > 1 ? "the languages" : "the language");
	g_free(list);
	g_free(dir);
	g_ptr_array_free(langs, TRUE);
	g_string_free(files, TRUE);
	g_string_free(rm, TRUE);
}

/*
 * The logo is served from the site's origin, where an SVG with a script
 * would run: only its cleaned form is kept, for the site and the sheets.
 * Takes data; NULL after an error.
 */
static GBytes *
clean_logo(char *data, gsize len, const char *site, struct kt_diag *d)
{
	char *removed;
	const char *why;
	GBytes *clean = kt_svg_clean(data, len, &removed, &why);

	if (clean == NULL)
		kt_error(d, site, 0, 0, "the logo: %s; export it again as "
		    "plain SVG", why);
	else if (removed != NULL)
		kt_warning(d, site, 0, 0, "the logo: %s was removed, and "
		    "anything else that runs or loads from outside the file",
		    removed);
	g_free(removed);
	g_free(data);
	return clean;
}

struct kt_model *
kt_load(const struct kt_paths *p, struct kt_diag *d)
{
	struct kt_model *m = kt_model_new();
	char *site = g_build_filename(p->content, "site.yaml", NULL);
	char *vocab = g_build_filename(p->theme, "pictograms.yaml", NULL);
	char *own = g_build_filename(p->content, "pictogrammen", NULL);
	char *i18n = g_build_filename(p->theme, "i18n", NULL);
	char *gloss = g_build_filename(p->content, "woordenlijst", NULL);
	GPtrArray *strays;

	if (!g_file_test(site, G_FILE_TEST_EXISTS))
		kt_error(d, site, 0, 0, "missing; every content folder needs "
		    "a site.yaml (see content/README.md)");
	else
		kt_load_site(m, site, p->content, d);
	if (m->site.languages->len == 0) {
		struct kt_language *nl = g_new0(struct kt_language, 1);
		nl->code = g_strdup("nl");
		nl->name = g_strdup("Nederlands");
		g_ptr_array_add(m->site.languages, nl);
	}
	kt_load_pictograms(m, vocab, p->openmoji, own, p->content, d);
	kt_load_strings(m, i18n, d);
	kt_load_glossary(m, gloss, p->content, d);
	m->glossary_dir = g_strdup(gloss);
	m->strings_dir = g_strdup(i18n);
	strays = g_ptr_array_new_with_free_func((GDestroyNotify)entry_free);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		load_kind(m, (enum kt_kind)k, p->content, p->jobs, d, strays);
	report_strays(m, site, p->content, strays, d);
	g_ptr_array_free(strays, TRUE);
	if (m->site.logo != NULL) {
		char *logo = g_build_filename(p->content, m->site.logo, NULL);
		char *data;
		gsize len;
		gboolean svg = g_str_has_suffix(m->site.logo, ".svg");

		if (g_path_is_absolute(m->site.logo) ||
		    strstr(m->site.logo, "..") != NULL ||
		    (g_file_test(logo, G_FILE_TEST_EXISTS) &&
		    !kt_inside(logo, p->content)))
			kt_error(d, site, 0, 0, "logo '%s' must be a file in the "
			    "content folder, named without .. or /", m->site.logo);
		else if (!svg && !g_str_has_suffix(m->site.logo, ".png"))
			kt_error(d, site, 0, 0, "logo '%s': use an .svg or .png "
			    "file", m->site.logo);
		else if (!g_file_test(logo, G_FILE_TEST_IS_REGULAR))
			kt_error(d, site, 0, 0, "logo '%s' not found in the "
			    "content folder", m->site.logo);
		else if (!g_file_get_contents(logo, &data, &len, NULL) ||
		    len > KT_MAX_FILE)
			kt_error(d, site, 0, 0, "logo '%s' cannot be read, or is "
			    "larger than 1 MiB", m->site.logo);
		else if (svg)
			m->site.logo_data = clean_logo(data, len, site, d);
		else
			m->site.logo_data = g_bytes_new_take(data, len);
		m->site.logo_svg = svg;
		g_free(logo);
	}
	g_free(site);
	g_free(vocab);
	g_free(own);
	g_free(i18n);
	g_free(gloss);
	return m;
}
