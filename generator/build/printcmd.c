/*
 * print: loads and checks the content as build does, reads the class
 * list, finds each family's language among site.yaml's, and hands the
 * drawing to the print layer (kt_print_class for an assignment's sheets,
 * kt_print_talks for a talk's invitations, each pupil's time worked out
 * here), which writes through a writer of its own folder: swapped in
 * whole, or not at all.
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
 * list gives none or the item has no translation in it (a warning
 * naming the pupil). An unknown language is an error at its place. The
 * family's own language (Dutch when unknown) goes to homes, when given.
 */
static GPtrArray *
sheet_langs(const struct kt_model *m, const struct kt_item *it,
    const GPtrArray *pupils, const char *path, struct kt_diag *d,
    GPtrArray *homes)
{
	const struct kt_language *dutch = g_ptr_array_index(
	    m->site.languages, 0);
	GPtrArray *langs = g_ptr_array_new();
	const char *what = it->kind == KT_TALK ? "invitation" : "sheet";

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
		}
		if (homes != NULL)
			g_ptr_array_add(homes, (gpointer)l);
		if (kt_item_text(it, l->code) == NULL) {
			kt_warning(d, path, u->line, u->col, "%s: '%s' has "
			    "no translation in %s (%s); the Dutch %s is "
			    "printed. Write content/%s/%s.%s.md to have it",
			    u->name, it->slug, l->name, l->code, what,
			    kt_kind_dir(it->kind), it->slug, l->code);
			l = dutch;
		}
		g_ptr_array_add(langs, (gpointer)l);
	}
	return langs;
}

/* The item of kind named slug, or an error that names the nearest one. */
static const struct kt_item *
find_item(const struct kt_model *m, enum kt_kind kind, const char *slug,
    struct kt_diag *d)
{
	const struct kt_item *it = kt_model_find(m, kind, slug);
	GPtrArray *all;
	const char *near;

	if (it != NULL)
		return it;
	all = g_ptr_array_new();
	for (guint i = 0; i < m->items[kind]->len; i++)
		g_ptr_array_add(all, ((struct kt_item *)g_ptr_array_index(
		    m->items[kind], i))->slug);
	near = kt_suggest(slug, (const char *const *)all->pdata, all->len);
	kt_error(d, slug, 0, 0, "no %s of that name in %s/; %s%s%s",
	    kind == KT_TALK ? "talk guide" : "assignment", kt_kind_dir(kind),
	    near ? "did you mean '" : "give the name of its file without "
	    ".nl.md", near ? near : "", near ? "'?" : "");
	g_ptr_array_free(all, TRUE);
	return NULL;
}

/*
 * Each pupil's talk, in class order: start + i * (duration + pause).
 * The talks must end by midnight (an error at the class list when they
 * do not). The caller frees it with g_array_free(a, TRUE); *end is when
 * the last one ends, in minutes from midnight.
 */
static GArray *
talk_slots(const struct kt_options *o, const GPtrArray *pupils,
    const GPtrArray *langs, const GPtrArray *homes, int *end,
    struct kt_diag *d)
{
	GArray *slots = g_array_new(FALSE, TRUE, sizeof(struct kt_talk_slot));
	int h = 0, m = 0, at;

	(void)sscanf(o->start, "%d:%d", &h, &m);
	at = h * 60 + m;
	*end = at;
	for (guint i = 0; i < pupils->len; i++) {
		struct kt_talk_slot t = { 0 };

		t.pupil = ((struct kt_pupil *)g_ptr_array_index(pupils,
		    i))->name;
		t.sheet = g_ptr_array_index(langs, i);
		t.home = g_ptr_array_index(homes, i);
		*end = at + o->minutes;
		g_snprintf(t.time, sizeof t.time, "%02d:%02d–%02d:%02d",
		    at / 60 % 24, at % 60, *end / 60 % 24, *end % 60);
		g_array_append_val(slots, t);
		at = *end + o->pause;
	}
	if (*end > 24 * 60)
		kt_error(d, o->class_list, 0, 0, "%u talks of %d minutes from "
		    "%s would end after midnight; start earlier, make --duur "
		    "or --pauze shorter, or split the class over two days",
		    pupils->len, o->minutes, o->start);
	return slots;
}

/* Writes the class's files into dir (the talks' when slots is given);
 * FALSE after saying why. */
static gboolean
write_class(const struct kt_options *o, const struct kt_model *m,
    const struct kt_item *it, const GPtrArray *pupils, GPtrArray *langs,
    const GArray *slots, const char *dir, struct kt_diag *d)
{
	GPtrArray *names = kt_class_names(pupils);
	struct kt_render_opts ro = { o->theme, o->epoch, o->mentor, o->phone,
	    o->due, NULL, NULL, NULL, names, FALSE, NULL, NULL, NULL };
	char *class = class_of(o);
	GError *err = NULL;
	struct kt_writer *w = kt_writer_open(dir, 1, &err);
	gboolean ok = FALSE, drawn = FALSE;

	ro.class_name = class;
	if (slots != NULL) {
		ro.date = o->date;
		ro.place = o->place;
	}
	if (w != NULL)
		drawn = slots != NULL ? kt_print_talks(m, &ro, it, slots, w,
		    d) : kt_print_class(m, &ro, it, langs, w, d);
	if (drawn)
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

/* Whether the command line names what print needs; else says it. */
static gboolean
usable(const struct kt_options *o, const char *kind)
{
	if (strcmp(kind, "opdracht") == 0 && o->class_list != NULL)
		return TRUE;
	if (strcmp(kind, "gesprek") == 0 && o->class_list != NULL &&
	    o->date != NULL && o->start != NULL && o->minutes > 0)
		return TRUE;
	if (strcmp(kind, "gesprek") == 0)
		fprintf(stderr, "keukentafel: write: keukentafel print gesprek "
		    "NAME --klas FILE --datum DATE --start TIME --duur MINUTES "
		    "(a talk guide, for the class in FILE: the day, the first "
		    "talk's time and each talk's length, as --datum "
		    "12-3-2027 --start 15:00 --duur 15)\n");
	else
		fprintf(stderr, "keukentafel: write: keukentafel print "
		    "opdracht NAME --klas FILE (an assignment, for the class "
		    "in FILE), or keukentafel print gesprek NAME --klas FILE "
		    "--datum DATE --start TIME --duur MINUTES (a talk guide)\n");
	return FALSE;
}

/* The folder print writes: --map, or print/SLUG-CLASS. The caller frees
 * it with g_free. */
static char *
print_folder(const struct kt_options *o, const char *slug)
{
	char *name = class_of(o);
	char *class = folder_word(name);
	char *dir = o->print_dir != NULL ? g_strdup(o->print_dir) :
	    g_strdup_printf("print/%s-%s", slug, class);

	g_free(name);
	g_free(class);
	return dir;
}

/* The last lines: where the files are, and when the talks end. */
static void
report(const struct kt_options *o, const GPtrArray *pupils, int end,
    gboolean talks, const char *dir, const struct kt_diag *d, int status)
{
	if (status != 0)
		fprintf(stderr, "keukentafel: %zu error%s; nothing was "
		    "written\n", kt_diag_count(d, KT_ERROR),
		    kt_diag_count(d, KT_ERROR) == 1 ? "" : "s");
	else if (talks)
		fprintf(stderr, "keukentafel: the schedule and the invitations "
		    "of %u pupils are in %s/ (not in %s: do not publish "
		    "them); the talks run from %s, the last one ends at "
		    "%02d:%02d\n", pupils->len, dir, o->out, o->start,
		    end / 60, end % 60);
	else
		fprintf(stderr, "keukentafel: the checklist and the sheets of "
		    "%u pupils are in %s/ (not in %s: do not publish them)\n",
		    pupils->len, dir, o->out);
}

int
kt_cmd_print(const struct kt_options *o, const char *kind, const char *slug)
{
	gboolean talks = strcmp(kind, "gesprek") == 0;
	struct kt_diag *d;
	struct kt_model *m = NULL;
	GPtrArray *pupils = NULL, *langs = NULL, *homes = NULL;
	GArray *slots = NULL;
	const struct kt_item *it = NULL;
	char *dir;
	int status = 1, end = 0;

	if (!usable(o, kind))
		return 2;
	d = kt_diag_new();
	if ((m = kt_build_load(o, d)) != NULL) {
		kt_check_model(m, NULL, d, NULL);
		it = find_item(m, talks ? KT_TALK : KT_ASSIGNMENT, slug, d);
	}
	pupils = kt_class_read(o->class_list, d);
	homes = g_ptr_array_new();
	if (it != NULL && pupils != NULL)
		langs = sheet_langs(m, it, pupils, o->class_list, d, homes);
	if (talks && langs != NULL)
		slots = talk_slots(o, pupils, langs, homes, &end, d);
	dir = print_folder(o, slug);
	if (kt_path_inside(dir, o->out))
		kt_error(d, dir, 0, 0, "the pupils' names would be published "
		    "in %s; give a folder outside it with --map", o->out);
	if (pupils != NULL && pupils->len == 0)
		kt_error(d, o->class_list, 0, 0, "no names; write a pupil's "
		    "name on each line");
	if (pupils != NULL && kt_diag_count(d, KT_ERROR) == 0 &&
	    write_class(o, m, it, pupils, langs, slots, dir, d))
		status = 0;
	kt_diag_print(d, stderr);
	report(o, pupils, end, talks, dir, d, status);
	if (slots != NULL)
		g_array_free(slots, TRUE);
	if (langs != NULL)
		g_ptr_array_free(langs, TRUE);
	g_ptr_array_free(homes, TRUE);
	if (pupils != NULL)
		g_ptr_array_free(pupils, TRUE);
	g_free(dir);
	kt_model_free(m);
	kt_diag_free(d);
	return status;
}
