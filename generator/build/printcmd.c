/*
 * print: loads and checks the content as build does, reads the class
 * list, finds each family's language among site.yaml's, and hands the
 * drawing to the print layer (kt_print_class), which writes through a
 * writer of its own folder: swapped in whole, or not at all.
 */
#include "build/printcmd.h"

#include <stdio.h>
#include <string.h>

#include "build/check.h"
#include "build/classlist.h"
#include "diag.h"
#include "model/model.h"
#include "out/writer.h"
#include "print/print.h"

/* A class's name as part of a folder name: letters, digits, - and _. */
static char *
folder_word(const char *s)
{
	char *w = g_strdup(s);

	for (char *c = w; *c != '\0'; c++)
		if (!g_ascii_isalnum(*c) && *c != '-' && *c != '_')
			*c = '-';
	return w;
}

/* The class: --klasnaam, or the class list's file name without its
 * extension. The caller frees it with g_free. */
static char *
class_of(const struct kt_options *o)
{
	char *base, *dot;

	if (o->class_name != NULL)
		return g_strdup(o->class_name);
	base = g_path_get_basename(o->class_list);
	if ((dot = strrchr(base, '.')) != NULL && dot != base)
		*dot = '\0';
	return base;
}

/* The site's language codes, for a message: "nl, en, ar". */
static char *
codes(const struct kt_site *site)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);

		if (l != NULL)
			g_string_append_printf(s, "%s%s", i ? ", " : "",
			    l->code);
	}
	return g_string_free(s, FALSE);
}

/*
 * The language of each pupil's sheet: the family's, or Dutch when the
 * list gives none or the assignment has no translation in it (a warning
 * naming the pupil). An unknown language is an error at its place.
 */
static GPtrArray *
sheet_langs(const struct kt_model *m, const struct kt_item *it,
    const GPtrArray *pupils, const char *path, struct kt_diag *d)
{
	const struct kt_language *dutch = g_ptr_array_index(
	    m->site.languages, 0);
	GPtrArray *langs = g_ptr_array_new();

	for (guint i = 0; i < pupils->len; i++) {
		const struct kt_pupil *u = g_ptr_array_index(pupils, i);
		const struct kt_language *l = dutch;

		if (u->lang != NULL && *u->lang != '\0')
			l = kt_site_language(&m->site, u->lang);
		if (l == NULL) {
			char *all = codes(&m->site);

			kt_error(d, path, u->line, u->col, "'%s' is not a "
			    "language of site.yaml; write one of %s, or "
			    "leave it empty for Dutch", u->lang, all);
			g_free(all);
			l = dutch;
		} else if (kt_item_text(it, l->code) == NULL) {
			kt_warning(d, path, u->line, u->col, "%s: '%s' has "
			    "no translation in %s (%s); the Dutch sheet is "
			    "printed. Write content/opdrachten/%s.%s.md to "
			    "have it", u->name, it->slug, l->name, l->code,
			    it->slug, l->code);
			l = dutch;
		}
		g_ptr_array_add(langs, (gpointer)l);
	}
	return langs;
}

/* The assignment slug, or an error that names the nearest one. */
static const struct kt_item *
find_assignment(const struct kt_model *m, const char *slug,
    struct kt_diag *d)
{
	const struct kt_item *it = kt_model_find(m, KT_ASSIGNMENT, slug);
	GPtrArray *all;
	const char *near;

	if (it != NULL)
		return it;
	all = g_ptr_array_new();
	for (guint i = 0; i < m->items[KT_ASSIGNMENT]->len; i++)
		g_ptr_array_add(all, ((struct kt_item *)g_ptr_array_index(
		    m->items[KT_ASSIGNMENT], i))->slug);
	near = kt_suggest(slug, (const char *const *)all->pdata, all->len);
	kt_error(d, slug, 0, 0, "no assignment of that name in %s; %s%s%s",
	    "opdrachten/", near ? "did you mean '" : "give the name of its "
	    "file without .nl.md", near ? near : "", near ? "'?" : "");
	g_ptr_array_free(all, TRUE);
	return NULL;
}

/* Writes the class's files into dir; FALSE after saying why. */
static gboolean
write_class(const struct kt_options *o, const struct kt_model *m,
    const struct kt_item *it, const GPtrArray *pupils, GPtrArray *langs,
    const char *dir, struct kt_diag *d)
{
	GPtrArray *names = kt_class_names(pupils);
	struct kt_render_opts ro = { o->theme, o->epoch, o->mentor, o->phone,
	    o->due, NULL, NULL, NULL, names, FALSE, NULL, NULL, NULL };
	char *class = class_of(o);
	GError *err = NULL;
	struct kt_writer *w = kt_writer_open(dir, 1, &err);
	gboolean ok = FALSE;

	ro.class_name = class;
	if (w != NULL && kt_print_class(m, &ro, it, langs, w, d))
		ok = kt_writer_commit(w, &err);
	else if (w != NULL)
		kt_writer_abort(w);
	if (err != NULL)
		fprintf(stderr, "keukentafel: %s\n", err->message);
	g_clear_error(&err);
	g_free(class);
	g_ptr_array_free(names, TRUE);
	return ok;
}

int
kt_cmd_print(const struct kt_options *o, const char *kind, const char *slug)
{
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = NULL;
	GPtrArray *pupils = NULL, *langs = NULL;
	const struct kt_item *it = NULL;
	char *dir = NULL, *class = NULL;
	int status = 1;

	if (strcmp(kind, "opdracht") != 0 || o->class_list == NULL) {
		fprintf(stderr, "keukentafel: write: keukentafel print "
		    "opdracht NAME --klas FILE (an assignment, for the class "
		    "in FILE)\n");
		kt_diag_free(d);
		return 2;
	}
	if ((m = kt_build_load(o, d)) != NULL) {
		kt_check_model(m, NULL, d, NULL);
		it = find_assignment(m, slug, d);
	}
	pupils = kt_class_read(o->class_list, d);
	if (it != NULL && pupils != NULL)
		langs = sheet_langs(m, it, pupils, o->class_list, d);
	class = folder_word(o->class_name != NULL ? o->class_name :
	    (dir = class_of(o)));
	g_free(dir);
	dir = o->print_dir != NULL ? g_strdup(o->print_dir) :
	    g_strdup_printf("print/%s-%s", slug, class);
	if (kt_path_inside(dir, o->out))
		kt_error(d, dir, 0, 0, "the pupils' names would be published "
		    "in %s; give a folder outside it with --map", o->out);
	if (pupils != NULL && pupils->len == 0)
		kt_error(d, o->class_list, 0, 0, "no names; write a pupil's "
		    "name on each line");
	if (pupils != NULL && kt_diag_count(d, KT_ERROR) == 0 &&
	    write_class(o, m, it, pupils, langs, dir, d))
		status = 0;
	kt_diag_print(d, stderr);
	if (status == 0)
		fprintf(stderr, "keukentafel: the checklist and the sheets of "
		    "%u pupils are in %s/ (not in %s: do not publish them)\n",
		    pupils != NULL ? pupils->len : 0, dir, o->out);
	else
		fprintf(stderr, "keukentafel: %zu error%s; nothing was "
		    "written\n", kt_diag_count(d, KT_ERROR),
		    kt_diag_count(d, KT_ERROR) == 1 ? "" : "s");
	if (langs != NULL)
		g_ptr_array_free(langs, TRUE);
	if (pupils != NULL)
		g_ptr_array_free(pupils, TRUE);
	g_free(dir);
	g_free(class);
	kt_model_free(m);
	kt_diag_free(d);
	return status;
}
