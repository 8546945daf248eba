/*
 * new: a Dutch file is the template of its kind with the title made from
 * the slug. A translation is written from the Dutch file's own fields:
 * those a translation carries (item.c says which), each text copied with
 * a '# vertaal:' line above it, under a header that says what to do, with
 * vertaling: concept and bron, the start of the Dutch text's digest, by
 * which check later tells that the Dutch has changed.
 */
#include "build/new.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "diag.h"
#include "load/file.h"
#include "load/item.h"
#include "load/talk.h"
#include "load/load.h"
#include "load/yaml.h"
#include "model/model.h"

#define KT_MARK "# vertaal:"

static const char *const kind_names[KT_KIND_COUNT] = {
	"opdracht", "avond", "tip", "gesprek"
};

/* Creates path with text, never over a file; FALSE after saying why. */
static gboolean
write_new(const char *path, const char *text)
{
	char *dir = g_path_get_dirname(path);
	FILE *f;
	gboolean ok;

	if (g_mkdir_with_parents(dir, 0755) != 0)
		fprintf(stderr, "keukentafel: cannot make %s: %s\n", dir,
		    g_strerror(errno));
	g_free(dir);
	if ((f = fopen(path, "wx")) == NULL) {
		if (errno == EEXIST)
			fprintf(stderr, "keukentafel: %s already exists; new "
			    "never overwrites a file: edit it, or choose "
			    "another name\n", path);
		else
			fprintf(stderr, "keukentafel: cannot write %s: %s\n",
			    path, g_strerror(errno));
		return FALSE;
	}
	ok = fputs(text, f) >= 0;
	ok = fclose(f) == 0 && ok;
	if (!ok)
		fprintf(stderr, "keukentafel: cannot write %s\n", path);
	return ok;
}

/* ---- a new Dutch file ---- */

/* "open-dag" -> "Open dag". The caller frees it with g_free. */
static char *
title_of(const char *slug)
{
	char *t = g_strdelimit(g_strdup(slug), "-", ' ');

	t[0] = g_ascii_toupper(t[0]);
	return t;
}

static int
new_source(const struct kt_options *o, enum kt_kind kind, const char *slug,
    const char *path)
{
	char *name = g_strdup_printf("%s.nl.md", kind_names[kind]);
	char *tpl = g_build_filename(o->templates, name, NULL);
	char *text = NULL, *title = title_of(slug), **parts;
	GError *err = NULL;
	int status = 1;

	if (!g_file_get_contents(tpl, &text, NULL, &err)) {
		fprintf(stderr, "keukentafel: %s; run keukentafel from its "
		    "source folder, or 'make install'\n", err->message);
		g_error_free(err);
	} else {
		parts = g_strsplit(text, "@TITEL@", -1);
		g_free(text);
		text = g_strjoinv(title, parts);
		g_strfreev(parts);
		if (write_new(path, text)) {
			printf("keukentafel: wrote %s; replace the examples "
			    "in it, then run keukentafel check -C %s\n", path,
			    o->content);
			status = 0;
		}
	}
	g_free(text);
	g_free(title);
	g_free(tpl);
	g_free(name);
	return status;
}

/* ---- a translation ---- */

/* YAML's double-quoted form: always valid, on one line. */
static void
quoted(GString *out, const char *s)
{
	g_string_append_c(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			g_string_append_printf(out, "\\%c", *s);
		else if (*s == '\n')
			g_string_append(out, "\\n");
		else if ((unsigned char)*s < 0x20)
			g_string_append_printf(out, "\\x%02x", *s);
		else
			g_string_append_c(out, *s);
	}
	g_string_append(out, "\"\n");
}

/*
 * A text as the value after "key: ": as written in the Dutch when it was
 * a plain line (valid as one anywhere), a literal block (|) for lines,
 * else quoted. Block lines are indented by indent.
 */
static void
scalar(GString *out, const struct kt_ynode *n, int indent)
{
	const char *v = n->value;
	size_t len = strlen(v), end = len;
	char *body, **lines;

	if (strchr(v, '\n') == NULL && n->plain && *v != '\0') {
		g_string_append_printf(out, "%s\n", v);
		return;
	}
	if (strchr(v, '\n') == NULL || v[0] == ' ' || v[0] == '\n') {
		quoted(out, v);
		return;
	}
	while (end > 0 && v[end - 1] == '\n')
		end--;
	g_string_append(out, len == end ? "|-\n" : len == end + 1 ? "|\n" :
	    "|+\n");
	body = g_strndup(v, end);
	lines = g_strsplit(body, "\n", -1);
	g_free(body);
	for (char **l = lines; *l != NULL; l++)
		g_string_append_printf(out, "%*s%s\n", **l ? indent : 0, "",
		    *l);
	for (size_t i = end + 1; i < len; i++)
		g_string_append_c(out, '\n');
	g_strfreev(lines);
}

static void field(GString *, enum kt_kind, const char *key,
    const struct kt_ynode *, int indent, const char *lead);

/* The fields of map that a translation carries, in the Dutch order. */
static void
fields(GString *out, enum kt_kind kind, const char *section,
    const struct kt_ynode *map, int indent, gboolean in_list)
{
	gboolean first = TRUE;

	for (guint i = 0; i < kt_ymap_len(map); i++) {
		const struct kt_ynode *k = kt_ymap_key(map, i);

		if (k->type != KT_Y_SCALAR ||
		    !kt_translated_field(kind, section, k->value))
			continue;
		field(out, kind, k->value, kt_ymap_value(map, i), indent,
		    !in_list ? "" : first ? "- " : "  ");
		first = FALSE;
	}
}

/*
 * "key: value" at indent, after lead ("- " for the first field of a list
 * entry): a text with the mark above it, a set of fields, or a list.
 */
static void
field(GString *out, enum kt_kind kind, const char *key,
    const struct kt_ynode *v, int indent, const char *lead)
{
	int col = indent + (int)strlen(lead);

	if (v->type == KT_Y_SCALAR) {
		g_string_append_printf(out, "%*s" KT_MARK "\n%*s%s%s: ",
		    indent, "", indent, "", lead, key);
		scalar(out, v, col + 2);
		return;
	}
	g_string_append_printf(out, "%*s%s%s:\n", indent, "", lead, key);
	if (v->type == KT_Y_MAP) {
		fields(out, kind, key, v, col + 2, FALSE);
		return;
	}
	for (guint i = 0; i < v->items->len; i++) {
		const struct kt_ynode *e = g_ptr_array_index(v->items, i);

		if (e->type == KT_Y_MAP) {
			fields(out, kind, key, e, col + 2, TRUE);
		} else if (e->type == KT_Y_SCALAR) {
			g_string_append_printf(out, "%*s" KT_MARK "\n%*s- ",
			    col + 2, "", col + 2, "");
			scalar(out, e, col + 4);
		}
	}
}

/* What a translation says first: what to do, vertaling and bron. */
static void
header(GString *out, const char *nl_path, const struct kt_language *l,
    const char *digest)
{
	g_string_append_printf(out, "---\n"
	    "# %s (%s): de vertaling van %s.\n"
	    "# Elke tekst onder een regel '" KT_MARK "' is nog Nederlands:\n"
	    "# vervang die door de vertaling. De pictogrammen, de leerjaren "
	    "en de\n"
	    "# andere vaste gegevens komen uit het Nederlandse bestand.\n"
	    "# 'concept' tot iemand met deze taal als moedertaal de tekst "
	    "heeft\n"
	    "# nagekeken; schrijf dan: vertaling: nagekeken\n"
	    "vertaling: concept\n"
	    "# Van welke versie van het Nederlandse bestand dit de vertaling "
	    "is.\n"
	    "# Verandert het Nederlands, dan waarschuwt 'keukentafel check' "
	    "hier.\n"
	    "bron: %.*s\n", l->name, l->code, nl_path, KT_BRON_LEN, digest);
}

/* The translation of the Dutch file p, as text; the caller frees it. */
static char *
translation(enum kt_kind kind, const char *nl_path,
    const struct kt_language *l, const struct kt_parsed *p)
{
	GString *out = g_string_new(NULL);
	/* a talk guide's bron covers only what is translated */
	char *origin = kind == KT_TALK ? kt_talk_origin(p->front) : NULL;

	header(out, nl_path, l, origin != NULL ? origin : p->digest);
	g_free(origin);
	fields(out, kind, NULL, p->front, 0, FALSE);
	if (kind == KT_TIP) {
		g_string_append(out, "# Vertaal ook de tekst onder de ---.\n"
		    "---\n");
		g_string_append(out, p->f.body);
	} else if (kind == KT_TALK) {
		g_string_append(out, "# Het deel voor de mentor komt uit het "
		    "Nederlandse bestand.\n---\n");
	} else {
		g_string_append(out, "# Het deel voor de leraar (onder de ---, "
		    "met dezelfde kopjes) mag er\n# ook staan, vertaald; "
		    "zonder toont de site het Nederlandse.\n---\n");
	}
	return g_string_free(out, FALSE);
}

/* The language in site.yaml, or NULL after saying why not. */
static struct kt_model *
site_with(const struct kt_options *o, const struct kt_language **l)
{
	struct kt_model *m = kt_model_new();
	struct kt_diag *d = kt_diag_new();
	char *site = g_build_filename(o->content, "site.yaml", NULL);

	kt_load_site(m, site, o->content, d);
	kt_diag_print(d, stderr);
	*l = kt_site_language(&m->site, o->lang);
	if (*l == NULL)
		fprintf(stderr, "keukentafel: language '%s' is not in %s; add "
		    "it under 'talen' first (the comments there say how)\n",
		    o->lang, site);
	g_free(site);
	kt_diag_free(d);
	return m;
}

static int
new_translation(const struct kt_options *o, enum kt_kind kind,
    const char *slug, const char *path)
{
	char *nl = g_strdup_printf("%s/%s/%s.nl.md", o->content,
	    kt_kind_dir(kind), slug), *text, *gloss;
	const struct kt_language *l;
	struct kt_model *m = site_with(o, &l);
	struct kt_diag *d = kt_diag_new();
	struct kt_parsed p = { 0 };
	int status = 1;

	if (l == NULL) {
		/* said */
	} else if (!g_file_test(nl, G_FILE_TEST_EXISTS)) {
		fprintf(stderr, "keukentafel: there is no %s to translate; "
		    "make it first with: keukentafel new %s %s -C %s\n", nl,
		    kind_names[kind], slug, o->content);
	} else if (!kt_parse_file(nl, o->content, d, &p)) {
		kt_diag_print(d, stderr);
		fprintf(stderr, "keukentafel: correct %s first\n", nl);
	} else {
		char *rel = g_strdup_printf("%s/%s.nl.md", kt_kind_dir(kind),
		    slug);

		text = translation(kind, rel, l, &p);
		g_free(rel);
		if (write_new(path, text)) {
			printf("keukentafel: wrote %s; translate each text "
			    "under '" KT_MARK "'\n", path);
			status = 0;
		}
		g_free(text);
		gloss = g_strdup_printf("%s/woordenlijst/%s.yaml", o->content,
		    l->code);
		if (status == 0 && !g_file_test(gloss, G_FILE_TEST_EXISTS))
			printf("keukentafel: translate woordenlijst/nl.yaml "
			    "too, into %s\n", gloss);
		g_free(gloss);
	}
	kt_parsed_free(&p);
	kt_diag_free(d);
	kt_model_free(m);
	g_free(nl);
	return status;
}

/* Why the command line cannot be, or NULL when it can. */
static const char *
wrong(int kind, const char *slug, const char *lang)
{
	if (kind < 0)
		return "the kind is opdracht, avond, tip or gesprek";
	if (!kt_valid_slug(slug, strlen(slug)))
		return "the name must be lower-case letters, digits and "
		    "hyphens, such as mijn-opdracht";
	if (lang != NULL && (strcmp(lang, "nl") == 0 || strlen(lang) < 2 ||
	    strlen(lang) > 3 ||
	    lang[strspn(lang, "abcdefghijklmnopqrstuvwxyz")] != '\0'))
		return "--taal takes the code of a language in site.yaml, "
		    "other than nl";
	return NULL;
}

int
kt_cmd_new(const struct kt_options *o, const char *kind_name,
    const char *slug)
{
	char *site = g_build_filename(o->content, "site.yaml", NULL), *path;
	int kind = -1, status;
	const char *why;

	for (int k = 0; k < KT_KIND_COUNT; k++)
		if (strcmp(kind_name, kind_names[k]) == 0)
			kind = k;
	if ((why = wrong(kind, slug, o->lang)) != NULL) {
		fprintf(stderr, "keukentafel: %s; write: keukentafel new "
		    "opdracht|avond|tip|gesprek NAME [--taal CODE] [-C content]\n",
		    why);
		g_free(site);
		return 2;
	}
	if (!g_file_test(site, G_FILE_TEST_IS_REGULAR)) {
		fprintf(stderr, "keukentafel: %s is not a content folder (it "
		    "has no site.yaml); make one with keukentafel init %s, or "
		    "give yours with -C\n", o->content, o->content);
		g_free(site);
		return 1;
	}
	path = g_strdup_printf("%s/%s/%s.%s.md", o->content,
	    kt_kind_dir((enum kt_kind)kind), slug, o->lang ? o->lang : "nl");
	status = o->lang == NULL ? new_source(o, (enum kt_kind)kind, slug,
	    path) : new_translation(o, (enum kt_kind)kind, slug, path);
	g_free(path);
	g_free(site);
	return status;
}
