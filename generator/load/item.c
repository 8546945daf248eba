/*
 * The content types, front matter and body (a talk guide's own fields
 * are read in talk.c). The Dutch file carries the facets; a translation
 * carries only what is translated, and anything else in it is reported
 * rather than ignored.
 */
#include "load/item.h"

#include <string.h>

#include "load/file.h"
#include "load/schema.h"
#include "load/talk.h"
#include "load/yaml.h"

static const char *const assignment_keys[] = {
	"titel", "samenvatting", "onderwijstype", "leerjaar", "competenties",
	"fase", "keuze", "duur", "materialen", "pictogram", "thuis", NULL
};
static const char *const assignment_tr_keys[] = {
	"titel", "samenvatting", "materialen", "vertaling", "bron", "thuis",
	NULL
};
static const char *const home_keys[] = {
	"intro", "stappen", "vragen", "schrijfregels", "handtekening", NULL
};
static const char *const home_tr_keys[] = {
	"intro", "stappen", "vragen", NULL
};
static const char *const evening_keys[] = {
	"titel", "samenvatting", "thema", "onderwijstype", "leerjaar",
	"doelgroep", "duur",
	"pictogram", "rollen", "materialen", "voorbereiding", "programma",
	"stellingen", "kop", "uitnodiging", "datum", "aanvang", "locatie",
	NULL
};
static const char *const evening_tr_keys[] = {
	"titel", "samenvatting", "thema", "materialen", "kop", "uitnodiging",
	"stellingen", "vertaling", "bron", NULL
};
static const char *const tip_keys[] = {
	"titel", "groep", "voor", "zinnen", NULL
};
static const char *const tip_tr_keys[] = {
	"titel", "zinnen", "vertaling", "bron", NULL
};
static const char *const only_translations[] = {
	"vertaling", "bron", NULL
};
/* what a translation says about itself, not a text taken from the Dutch */
static const char *const about_translation[] = {
	"vertaling", "bron", NULL
};
static const char *const step_keys[] = { "pictogram", "tekst", NULL };
static const char *const step_tr_keys[] = { "tekst", NULL };
static const char *const question_keys[] = { "vraagt", "tekst", NULL };
static const char *const question_tr_keys[] = { "tekst", NULL };

#define KT_MAX_SECTIONS 3	/* the most sections a body has */

static const char *const assignment_sections[] = {
	"Doel", "In de klas", "Nabespreken", NULL
};
static const char *const evening_sections[] = { "Doel", "Nazorg", NULL };

/* The last year of each onderwijstype, in vocabulary order. */
static const int last_year[] = { 4, 4, 4, 4, 5, 6, 4 };

/* ---- Markdown ---- */

void
kt_md_check(const struct kt_md *m, struct kt_diag *d)
{
	cmark_iter *it;
	cmark_event_type ev;
	int html_line = 0;	/* one warning a line is enough */
	int depth = 0;
	gboolean deep = FALSE;

	if (m == NULL || m->doc == NULL)
		return;
	it = cmark_iter_new(m->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it), *b = n;
		cmark_node_type t = cmark_node_get_type(n);
		int rel, line, col;

		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		if (cmark_node_first_child(n) != NULL)
			depth++;
		if (depth > KT_MAX_MD_DEPTH && !deep) {
			/* quotes in lists in quotes: no reader follows that */
			kt_error(d, m->pos.path, m->pos.line, m->pos.col,
			    "Markdown nested more than %d levels deep (quotes, "
			    "lists); flatten it", KT_MAX_MD_DEPTH);
			deep = TRUE;
		}
		/* inline nodes carry no position: use their block's */
		while (b != NULL && cmark_node_get_start_line(b) == 0)
			b = cmark_node_parent(b);
		rel = b != NULL ? cmark_node_get_start_line(b) : 1;
		line = m->pos.line + rel - 1;
		col = rel == 1 ? m->pos.col : 1;
		if ((t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) &&
		    line != html_line) {
			kt_warning(d, m->pos.path, line, col,
			    "raw HTML is shown as text; use Markdown instead");
			html_line = line;
		}
		if ((t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
		    !kt_url_allowed(cmark_node_get_url(n)))
			kt_error(d, m->pos.path, line, col,
			    "link to '%s' is not allowed; use http, https, "
			    "mailto, tel or a link inside the site",
			    cmark_node_get_url(n));
	}
	cmark_iter_free(it);
}

static char *
heading_text(cmark_node *h)
{
	struct kt_md tmp = { .doc = h };
	char *s = kt_md_plain(&tmp);

	return g_strstrip(s);
}

/*
 * Splits the body at its "## " headings into the named sections; out[i]
 * receives section names[i] or stays NULL. Tip bodies have no sections
 * (names == NULL): the whole body goes to out[0].
 */
static void
split_body(const char *path, const char *body, int body_line,
    const char *const *names, guint required, struct kt_md **out,
    struct kt_diag *d)
{
	cmark_node *doc = cmark_parse_document(body, strlen(body),
	    CMARK_OPT_DEFAULT);
	cmark_node *n, *next, *cur = NULL;
	guint nnames = names ? g_strv_length((char **)names) : 0;
	guint meant = 0;	/* sections reported with a "did you mean" */
	bool links = kt_md_may_link_items(body);

	g_return_if_fail(nnames <= KT_MAX_SECTIONS);
	if (names == NULL) {
		if (cmark_node_first_child(doc) != NULL) {
			out[0] = kt_md_adopt(doc,
			    (struct kt_pos){ path, body_line, 1 });
			out[0]->item_links = links;
			kt_md_check(out[0], d);
		} else {
			cmark_node_free(doc);
		}
		return;
	}
	for (n = cmark_node_first_child(doc); n != NULL; n = next) {
		int line = body_line + cmark_node_get_start_line(n) - 1;

		next = cmark_node_next(n);
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) <= 2) {
			char *t = heading_text(n);
			int k = -1;

			for (guint i = 0; i < nnames; i++)
				if (g_ascii_strcasecmp(t, names[i]) == 0)
					k = (int)i;
			cur = NULL;
			if (cmark_node_get_heading_level(n) == 1)
				kt_error(d, path, line, 1, "use '## %s' for a "
				    "section heading, with two #", t);
			if (k < 0) {
				const char *s = kt_suggest(t, names, nnames);
				char *list = g_strjoinv("', '## ",
				    (char **)names);
				if (s != NULL) {
					kt_error(d, path, line, 1, "unknown "
					    "section '%s'; did you mean "
					    "'## %s'?", t, s);
					for (guint i = 0; i < nnames; i++)
						if (names[i] == s)
							meant |= 1u << i;
				} else
					kt_error(d, path, line, 1, "unknown "
					    "section '%s'; the sections are "
					    "'## %s'; use ### for a sub-heading",
					    t, list);
				g_free(list);
			} else if (out[k] != NULL) {
				kt_error(d, path, line, 1, "section '## %s' "
				    "appears twice; keep one", names[k]);
			} else {
				cmark_node *sd = cmark_node_new(
				    CMARK_NODE_DOCUMENT);
				out[k] = kt_md_adopt(sd,
				    (struct kt_pos){ path, line + 1, 1 });
				out[k]->item_links = links;
				cur = sd;
			}
			g_free(t);
			cmark_node_free(n);
			continue;
		}
		if (cur == NULL) {
			if (out[0] == NULL && names != NULL)
				kt_error(d, path, line, 1, "text outside a "
				    "section; put it under a heading such as "
				    "'## %s'", names[0]);
			cmark_node_free(n);
			continue;
		}
		cmark_node_append_child(cur, n);
	}
	cmark_node_free(doc);
	for (guint i = 0; i < nnames; i++) {
		if (out[i] == NULL) {
			if ((required & (1u << i)) && !(meant & (1u << i)))
				kt_error(d, path, body_line, 1, "missing "
				    "section '## %s'", names[i]);
			continue;
		}
		kt_md_check(out[i], d);
	}
}

/* ---- shared front matter ---- */

gboolean
kt_parse_file(const char *path, const char *root, struct kt_diag *d,
    struct kt_parsed *p)
{
	size_t len;
	gboolean empty;

	memset(p, 0, sizeof *p);
	p->text = kt_read_text(path, root, d, &len);
	if (p->text == NULL)
		return FALSE;
	p->digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256, p->text,
	    (gssize)len);
	if (!kt_split_front(path, p->text, d, &p->f))
		return FALSE;
	p->front = kt_yaml_parse(p->f.yaml, p->f.yaml_len, path,
	    p->f.yaml_line, d, &empty);
	if (p->front == NULL) {
		if (empty)
			kt_error(d, path, 2, 1, "the front matter is empty; "
			    "it needs at least 'titel: ...'");
		return FALSE;
	}
	if (p->front->type != KT_Y_MAP) {
		kt_error(d, path, p->front->line, p->front->col, "the front "
		    "matter must be fields like 'titel: ...', not %s",
		    kt_ytype_name(p->front->type));
		return FALSE;
	}
	return TRUE;
}

void
kt_parsed_free(struct kt_parsed *p)
{
	kt_ynode_free(p->front);
	g_free(p->text);
	g_free(p->digest);
}

static void
check_md_list(GPtrArray *a, struct kt_diag *d)
{
	for (guint i = 0; i < a->len; i++)
		kt_md_check(g_ptr_array_index(a, i), d);
}

static void
replace_mds(GPtrArray *dst, GPtrArray *src)
{
	g_ptr_array_set_size(dst, 0);	/* frees the old ones */
	for (guint i = 0; i < src->len; i++)
		g_ptr_array_add(dst, g_ptr_array_index(src, i));
	g_ptr_array_free(src, TRUE);
}

static void
replace_strings(GPtrArray *dst, GPtrArray *src)
{
	g_ptr_array_set_size(dst, 0);
	for (guint i = 0; i < src->len; i++)
		g_ptr_array_add(dst, g_strdup(g_ptr_array_index(src, i)));
	g_ptr_array_free(src, TRUE);
}

static char *
get_pictogram(const struct kt_ctx *c, const char *key, gboolean required,
    const struct kt_model *m)
{
	const struct kt_ynode *n = kt_field(c, key, required);
	char *name;

	if (n == NULL)
		return NULL;
	name = kt_scalar_text(c, n, key);
	if (name == NULL)
		return NULL;
	if (!g_hash_table_contains(m->pictograms, name)) {
		guint len;
		const char **keys = (const char **)g_hash_table_get_keys_as_array(
		    m->pictograms, &len);
		const char *s = kt_suggest(name, keys, len);

		if (s != NULL)
			kt_error(c->d, c->path, n->line, n->col, "unknown "
			    "pictogram '%s'; did you mean '%s'?", name, s);
		else
			kt_error(c->d, c->path, n->line, n->col, "unknown "
			    "pictogram '%s'; see themes/default/pictograms.yaml "
			    "for the names, or add content/pictogrammen/%s.svg",
			    name, name);
		g_free(keys);
		g_free(name);
		return NULL;
	}
	return name;
}

static void
read_status(const struct kt_ctx *c, struct kt_text *t)
{
	int v = kt_get_choice(c, "vertaling", FALSE, KT_V_TRANSLATION);

	t->status = v == 1 ? KT_REVIEWED : KT_DRAFT;
}

static gboolean
is_hex(const char *s, size_t min, size_t max)
{
	size_t n = strspn(s, "0123456789abcdef");

	return s[n] == '\0' && n >= min && n <= max;
}

/*
 * bron: the start of the digest of the Dutch text a translation was made
 * from. When the Dutch has changed since, the translation may say what
 * the Dutch no longer says.
 */
static void
check_origin(const struct kt_ctx *c, const struct kt_text *source)
{
	const struct kt_ynode *n = kt_field(c, "bron", FALSE);
	const char *digest = source->origin != NULL ? source->origin :
	    source->digest;

	if (n == NULL || digest == NULL)
		return;
	if (n->type != KT_Y_SCALAR || !is_hex(n->value, KT_BRON_LEN, 64))
		kt_error(c->d, c->path, n->line, n->col, "bron is the code of "
		    "the Dutch text this translation was made from: %d or more "
		    "of the digits 0-9 and letters a-f; when the translation "
		    "says what the Dutch says now, write bron: %.*s",
		    KT_BRON_LEN, KT_BRON_LEN, digest);
	else if (!g_str_has_prefix(digest, n->value))
		kt_warning(c->d, c->path, n->line, n->col, "the Dutch text "
		    "changed since this translation was made; update it, then "
		    "set bron: %.*s", KT_BRON_LEN, digest);
}

/* ---- opdracht ---- */

/* A school type's name, or "vmbo" for the four tracks together. */
static const char *
type_name(guint32 types, int i)
{
	return i == 0 && (types & 0xF) == 0xF ? "vmbo" :
	    kt_vocab_name(KT_V_SCHOOL_TYPE, i);
}

/*
 * Years that do not exist: for a list, beyond the last year of every
 * school type the item has; for years per school type, beyond the last
 * of that type.
 */
static void
check_years(const struct kt_ctx *c, const struct kt_ynode *n,
    const struct kt_item *it)
{
	int max = 0;

	if (n->type == KT_Y_MAP) {
		for (int i = 0; i < kt_vocab_size(KT_V_SCHOOL_TYPE); i++) {
			/* the four vmbo tracks with the same years: once */
			guint32 same = 0;

			for (int j = 0; j < 4 && i == 0; j++)
				if (it->years_of[j] == it->years_of[0])
					same |= 1u << j;
			for (int y = last_year[i] + 1; y <= 6; y++)
				if ((it->school_types & (1u << i)) &&
				    (it->years_of[i] & (1u << y)))
					kt_error(c->d, c->path, n->line, n->col,
					    "leerjaar %d does not exist in %s "
					    "(up to year %d); remove it", y,
					    type_name(it->school_types & same,
					    i), last_year[i]);
			if (strcmp(type_name(it->school_types & same, i),
			    "vmbo") == 0)
				i = 3;
		}
		return;
	}
	if (it->school_types == 0 || it->years == 0)
		return;
	for (int i = 0; i < kt_vocab_size(KT_V_SCHOOL_TYPE); i++)
		if (it->school_types & (1u << i))
			max = MAX(max, last_year[i]);
	for (int y = max + 1; y <= 6; y++)
		if (it->years & (1u << y))
			kt_error(c->d, c->path, n->line, n->col, "leerjaar %d "
			    "does not exist for the chosen onderwijstype (up "
			    "to year %d); remove it or add vwo/havo", y, max);
}

/* The school types a key of a leerjaar mapping names: one, or "vmbo"
 * for the four vmbo tracks; 0 after reporting a key that is none. */
static guint32
years_key(const struct kt_ctx *c, const struct kt_ynode *key)
{
	static const char *const names[] = {
		"vmbo", "vmbo-basis", "vmbo-kader", "vmbo-gemengd",
		"vmbo-theoretisch", "havo", "vwo", "mbo"
	};
	const char *guess;
	int k;

	if (key->type == KT_Y_SCALAR && strcmp(key->value, "vmbo") == 0)
		return 0xF;
	if (key->type == KT_Y_SCALAR &&
	    (k = kt_vocab_find(KT_V_SCHOOL_TYPE, key->value)) >= 0)
		return 1u << k;
	guess = key->type == KT_Y_SCALAR ? kt_suggest(key->value, names,
	    G_N_ELEMENTS(names)) : NULL;
	if (guess != NULL)
		kt_error(c->d, c->path, key->line, key->col, "'%s' is not a "
		    "school type; did you mean '%s'?", key->value, guess);
	else
		kt_error(c->d, c->path, key->line, key->col, "not a school "
		    "type; write vmbo, vmbo-basis, vmbo-kader, vmbo-gemengd, "
		    "vmbo-theoretisch, havo, vwo or mbo");
	return 0;
}

/* The item's school types that the mapping left without years. */
static void
missing_years(const struct kt_ctx *c, const struct kt_ynode *n,
    guint32 missing)
{
	for (int i = 0; i < KT_TYPES_MAX; i++) {
		const char *name;

		if (!(missing & (1u << i)))
			continue;
		name = type_name(missing, i);
		kt_error(c->d, c->path, n->line, n->col, "no leerjaar for %s; "
		    "add %s: [...] under leerjaar", name, name);
		if (strcmp(name, "vmbo") == 0)
			i = 3;
	}
}

/*
 * leerjaar: a list of years for every school type of the item, or the
 * years per school type, {vmbo: [4], mbo: [1]}: each type of the item
 * once, and none it does not have.
 */
static void
load_years(const struct kt_ctx *c, struct kt_item *it)
{
	const struct kt_ynode *n = kt_field(c, "leerjaar", TRUE);
	guint32 given = 0;
	gboolean bad = FALSE;

	if (n == NULL)
		return;
	if (n->type != KT_Y_MAP) {
		it->years = kt_node_numbers(c, n, "leerjaar", 1, 6);
		for (int i = 0; i < KT_TYPES_MAX; i++)
			if (it->school_types & (1u << i))
				it->years_of[i] = it->years;
		check_years(c, n, it);
		return;
	}
	for (guint p = 0; p < kt_ymap_len(n); p++) {
		const struct kt_ynode *key = kt_ymap_key(n, p);
		guint32 types = years_key(c, key), years;
		char q[64];

		if (types == 0) {
			bad = TRUE;
			continue;
		}
		g_snprintf(q, sizeof q, "leerjaar.%s", key->value);
		if ((types & it->school_types) != types) {
			kt_error(c->d, c->path, key->line, key->col, "'%s' is "
			    "not one of this item's onderwijstype; add it "
			    "there, or remove this line", key->value);
			bad = TRUE;
			continue;
		}
		years = kt_node_numbers(c, kt_ymap_value(n, p), q, 1, 6);
		for (int i = 0; i < KT_TYPES_MAX; i++)
			if (types & (1u << i))
				it->years_of[i] = years;
		given |= types;
		it->years |= years;
	}
	if (!bad)
		missing_years(c, n, it->school_types & ~given);
	check_years(c, n, it);
}

static void
load_steps(const struct kt_ctx *c, struct kt_text *t, const struct kt_model *m,
    const struct kt_text *source)
{
	const struct kt_ynode *list = kt_get_records(c, "stappen", TRUE);
	static const char *const picto_only[] = { "pictogram", NULL };

	if (list == NULL)
		return;
	if (source != NULL && list->items->len != source->steps->len) {
		kt_error(c->d, c->path, list->line, list->col, "%u step%s, but "
		    "the Dutch file has %u; translate each step once",
		    list->items->len, list->items->len == 1 ? "" : "s",
		    source->steps->len);
		return;
	}
	for (guint i = 0; i < list->items->len; i++) {
		const struct kt_ynode *e = g_ptr_array_index(list->items, i);
		struct kt_ctx sc;
		struct kt_step *s;

		if (!kt_sub(c, e, "stappen", &sc))
			continue;
		kt_check_keys(&sc, source ? step_tr_keys : step_keys,
		    source ? picto_only : NULL,
		    "comes from the Dutch file; remove it here");
		s = g_new0(struct kt_step, 1);
		s->text = kt_get_md(&sc, "tekst", TRUE);
		if (source == NULL) {
			const struct kt_ynode *pn = kt_field(&sc, "pictogram",
			    FALSE);

			s->pictogram = get_pictogram(&sc, "pictogram", TRUE, m);
			if (pn != NULL)
				s->picto_pos = (struct kt_pos){ c->path,
				    pn->line, pn->col };
		} else {
			const struct kt_step *from = g_ptr_array_index(
			    source->steps, i);

			s->pictogram = g_strdup(from->pictogram);
			s->picto_pos = from->picto_pos;
		}
		kt_md_check(s->text, c->d);
		g_ptr_array_add(t->steps, s);
	}
}

/*
 * vraagt: who asks, one of KT_V_ASKER; -1 after saying what to write.
 * The value names who speaks, so the message says what each one means.
 */
static int
get_asker(const struct kt_ctx *c)
{
	const struct kt_ynode *n = kt_field(c, "vraagt", FALSE);
	const char *s;
	int a;

	if (n == NULL)
		return -1;
	if (n->type == KT_Y_SCALAR &&
	    (a = kt_vocab_find(KT_V_ASKER, n->value)) >= 0)
		return a;
	s = n->type == KT_Y_SCALAR ? kt_suggest(n->value,
	    kt_vocabs[KT_V_ASKER].values,
	    (guint)kt_vocab_size(KT_V_ASKER)) : NULL;
	kt_error(c->d, c->path, n->line, n->col, "vraagt %s%s%s is not who "
	    "asks; %s%s%swrite vraagt: ouder (the parent asks the pupil), "
	    "leerling (the pupil asks the parent) or samen (they decide "
	    "together)", n->type == KT_Y_SCALAR ? "'" : "",
	    n->type == KT_Y_SCALAR ? n->value : kt_ytype_name(n->type),
	    n->type == KT_Y_SCALAR ? "'" : "", s != NULL ? "did you mean '" :
	    "", s != NULL ? s : "", s != NULL ? "'? " : "");
	return -1;
}

/*
 * vragen: each a line of text, or a set of vraagt (who asks: ouder,
 * leerling or samen) and tekst. Who asks is said in the Dutch file only,
 * as the pictograms of the steps are: a translation asks in the same
 * voice, question by question.
 */
static void
load_questions(const struct kt_ctx *c, struct kt_item *it, struct kt_text *t,
    const struct kt_text *source)
{
	const struct kt_ynode *n = kt_field(c, "vragen", FALSE);
	static const char *const asker_only[] = { "vraagt", NULL };
	GPtrArray *a = g_ptr_array_new();

	if (n != NULL && n->type == KT_Y_SEQ && n->items->len == 0)
		kt_error(c->d, c->path, n->line, n->col, "'thuis.vragen' is "
		    "empty; give at least one question, or remove the line");
	if (n != NULL && n->type == KT_Y_SEQ)
		g_ptr_array_extend(a, n->items, NULL, NULL);
	else if (n != NULL)
		g_ptr_array_add(a, (gpointer)n);
	for (guint i = 0; i < a->len; i++) {
		const struct kt_ynode *e = g_ptr_array_index(a, i);
		struct kt_md *m = NULL;
		int asker = -1;
		struct kt_ctx qc;

		if (e->type != KT_Y_MAP) {
			m = kt_scalar_md(c, e, "thuis.vragen");
		} else if (kt_sub(c, e, "vragen", &qc)) {
			kt_check_keys(&qc, source ? question_tr_keys :
			    question_keys, source ? asker_only : NULL,
			    "comes from the Dutch file; remove it here");
			m = kt_get_md(&qc, "tekst", TRUE);
			if (source == NULL)
				asker = get_asker(&qc);
		}
		if (m == NULL)
			continue;
		g_ptr_array_add(t->questions, m);
		if (source == NULL)
			g_array_append_val(it->askers, asker);
	}
	g_ptr_array_free(a, TRUE);
	check_md_list(t->questions, c->d);
}

static void
load_home(const struct kt_ctx *c, struct kt_item *it, struct kt_text *t,
    const struct kt_model *m, const struct kt_text *source)
{
	const struct kt_ynode *n = kt_field(c, "thuis", TRUE);
	static const char *const source_only[] = {
		"schrijfregels", "handtekening", NULL
	};
	struct kt_ctx tc;

	if (n == NULL || !kt_sub(c, n, "thuis", &tc))
		return;
	kt_check_keys(&tc, source ? home_tr_keys : home_keys,
	    source ? source_only : NULL,
	    "belongs in the Dutch file only; remove it here");
	t->intro = kt_get_md(&tc, "intro", TRUE);
	kt_md_check(t->intro, c->d);
	kt_md_keep_lines(t->intro);
	load_steps(&tc, t, m, source);
	load_questions(&tc, it, t, source);
	if (source == NULL) {
		gboolean b;

		kt_get_int(&tc, "schrijfregels", FALSE, 0, 8, &it->write_lines);
		if (kt_get_bool(&tc, "handtekening", &b))
			it->signature = b;
	} else if (t->questions->len != source->questions->len &&
	    t->questions->len > 0) {
		const struct kt_ynode *q = kt_field(&tc, "vragen", FALSE);
		kt_warning(c->d, c->path, q->line, q->col, "%u questions, but "
		    "the Dutch file has %u", t->questions->len,
		    source->questions->len);
	}
}

static void
load_assignment(const struct kt_ctx *c, struct kt_item *it, struct kt_text *t,
    const struct kt_model *m)
{
	it->school_types = kt_get_set(c, "onderwijstype", TRUE,
	    KT_V_SCHOOL_TYPE);
	load_years(c, it);
	it->competences = kt_get_set(c, "competenties", TRUE,
	    KT_V_COMPETENCE);
	it->phases = kt_get_set(c, "fase", TRUE, KT_V_PHASE);
	it->choices = kt_get_set(c, "keuze", FALSE, KT_V_CHOICE);
	kt_get_int(c, "duur", TRUE, 5, 240, &it->minutes);
	it->pictogram = get_pictogram(c, "pictogram", TRUE, m);
	load_home(c, it, t, m, NULL);
}

/* ---- avond ---- */

static int
get_role(const struct kt_ctx *c, const char *key)
{
	return kt_get_choice(c, key, TRUE, KT_V_ROLE);
}

static void
load_evening(const struct kt_ctx *c, struct kt_item *it, struct kt_text *t,
    const struct kt_model *m)
{
	const struct kt_ynode *list;
	int total = 0;

	it->theme = kt_get_string(c, "thema", TRUE);
	it->school_types = kt_get_set(c, "onderwijstype", FALSE,
	    KT_V_SCHOOL_TYPE);
	load_years(c, it);
	it->audience = kt_get_choice(c, "doelgroep", TRUE, KT_V_AUDIENCE);
	kt_get_int(c, "duur", TRUE, 10, 600, &it->minutes);
	it->pictogram = get_pictogram(c, "pictogram", TRUE, m);
	it->place = kt_get_string(c, "locatie", FALSE);

	it->date = kt_get_string(c, "datum", FALSE);
	if (it->date != NULL) {
		GDate *g = g_date_new();
		int y, mo, da;
		char rest;

		if (sscanf(it->date, "%4d-%2d-%2d%c", &y, &mo, &da, &rest) != 3 ||
		    !g_date_valid_dmy((GDateDay)da, (GDateMonth)mo,
		    (GDateYear)y)) {
			const struct kt_ynode *n = kt_field(c, "datum", FALSE);
			kt_error(c->d, c->path, n->line, n->col, "datum '%s' "
			    "is not a date; write it as 2026-10-08",
			    it->date);
			g_clear_pointer(&it->date, g_free);
		}
		g_date_free(g);
	}
	it->start = kt_get_string(c, "aanvang", FALSE);
	if (it->start != NULL) {
		int h, mi;
		char rest;

		if (sscanf(it->start, "%2d:%2d%c", &h, &mi, &rest) != 2 ||
		    h > 23 || mi > 59 || h < 0 || mi < 0) {
			const struct kt_ynode *n = kt_field(c, "aanvang", FALSE);
			kt_error(c->d, c->path, n->line, n->col, "aanvang '%s' "
			    "is not a time; write it as \"19:30\"", it->start);
			g_clear_pointer(&it->start, g_free);
		}
	}

	if ((list = kt_get_records(c, "rollen", TRUE)) != NULL)
		for (guint i = 0; i < list->items->len; i++) {
			static const char *const keys[] = { "rol", "taak", NULL };
			struct kt_ctx rc;
			struct kt_role *r;

			if (!kt_sub(c, g_ptr_array_index(list->items, i),
			    "rollen", &rc))
				continue;
			kt_check_keys(&rc, keys, NULL, NULL);
			r = g_new0(struct kt_role, 1);
			r->role = get_role(&rc, "rol");
			r->task = kt_get_md(&rc, "taak", TRUE);
			kt_md_check(r->task, c->d);
			g_ptr_array_add(it->roles, r);
		}
	if ((list = kt_get_records(c, "voorbereiding", TRUE)) != NULL)
		for (guint i = 0; i < list->items->len; i++) {
			static const char *const keys[] = {
				"taak", "weken", "wie", NULL
			};
			struct kt_ctx pc;
			struct kt_prep *p;

			if (!kt_sub(c, g_ptr_array_index(list->items, i),
			    "voorbereiding", &pc))
				continue;
			kt_check_keys(&pc, keys, NULL, NULL);
			p = g_new0(struct kt_prep, 1);
			p->task = kt_get_md(&pc, "taak", TRUE);
			kt_md_check(p->task, c->d);
			kt_get_int(&pc, "weken", TRUE, 0, 52, &p->weeks);
			p->who = get_role(&pc, "wie");
			g_ptr_array_add(it->prep, p);
		}
	if ((list = kt_get_records(c, "programma", TRUE)) != NULL) {
		for (guint i = 0; i < list->items->len; i++) {
			static const char *const keys[] = {
				"duur", "titel", "werkvorm", "leiding",
				"beschrijving", NULL
			};
			struct kt_ctx bc;
			struct kt_block *b;

			if (!kt_sub(c, g_ptr_array_index(list->items, i),
			    "programma", &bc))
				continue;
			kt_check_keys(&bc, keys, NULL, NULL);
			b = g_new0(struct kt_block, 1);
			kt_get_int(&bc, "duur", TRUE, 1, 600, &b->minutes);
			total += b->minutes;
			b->title = kt_get_string(&bc, "titel", TRUE);
			b->form = kt_get_choice(&bc, "werkvorm", TRUE,
			    KT_V_WORK_FORM);
			b->lead = get_role(&bc, "leiding");
			b->text = kt_get_md(&bc, "beschrijving", TRUE);
			kt_md_check(b->text, c->d);
			g_ptr_array_add(it->blocks, b);
		}
		if (it->minutes > 0 && total != it->minutes)
			kt_warning(c->d, c->path, list->line, list->col,
			    "the programme adds up to %d minutes, but duur is "
			    "%d", total, it->minutes);
	}
	(void)t;
}

/* ---- the files ---- */

/*
 * The invitation's headline is the theme in the parents' words: an
 * abbreviation (two or more capitals, as LOB or VMBO) gets a warning at
 * its column.
 */
static void
check_headline(const struct kt_ctx *c, const char *headline)
{
	const struct kt_ynode *n = kt_field(c, "kop", FALSE);
	const char *w = headline;

	while (*w != '\0') {
		const char *e = w;

		while (g_ascii_isupper(*e))
			e++;
		if (e - w >= 2 && !g_ascii_isalnum(*e) && (w == headline ||
		    !g_ascii_isalnum(w[-1]))) {
			kt_warning(c->d, c->path, n->line, n->col + (int)
			    g_utf8_pointer_to_offset(headline, w) +
			    (n->plain ? 0 : 1), "kop has the abbreviation "
			    "'%.*s', which parents may not know; say what it "
			    "is about in plain words", (int)(e - w), w);
			return;
		}
		w = e > w ? e : g_utf8_next_char(w);
	}
}

static void
load_common(const struct kt_ctx *c, struct kt_text *t, enum kt_kind kind,
    gboolean source)
{
	t->title = kt_get_string(c, "titel", TRUE);
	if (kind != KT_TIP)
		t->summary = kt_get_string(c, "samenvatting", source);
	if (kind != KT_TIP)
		replace_strings(t->materials, kt_get_strings(c, "materialen",
		    FALSE));
	if (kind == KT_EVENING) {
		t->headline = kt_get_string(c, "kop", FALSE);
		if (t->headline != NULL)
			check_headline(c, t->headline);
		/* the source's theme is the item's (it->theme) */
		if (!source)
			t->theme = kt_get_string(c, "thema", FALSE);
		t->invitation = kt_get_md(c, "uitnodiging", source);
		kt_md_check(t->invitation, c->d);
		/* a sentence a line, as the writer put it, as a sheet's intro */
		if (t->invitation != NULL)
			kt_md_keep_lines(t->invitation);
		replace_mds(t->statements, kt_get_mds(c, "stellingen", FALSE));
		check_md_list(t->statements, c->d);
	}
	if (kind == KT_TIP) {
		replace_mds(t->phrases, kt_get_mds(c, "zinnen", FALSE));
		check_md_list(t->phrases, c->d);
	}
}

static void
load_body(const char *path, const struct kt_parsed *p, enum kt_kind kind,
    struct kt_text *t, gboolean source, struct kt_diag *d)
{
	struct kt_md *sec[KT_MAX_SECTIONS] = { NULL, NULL, NULL };

	switch (kind) {
	case KT_ASSIGNMENT:
		/* the teacher's part: all three in Dutch, optional elsewhere */
		split_body(path, p->f.body, p->f.body_line, assignment_sections,
		    source ? 7 : 0, sec, d);
		t->goal = sec[0];
		t->in_class = sec[1];
		t->debrief = sec[2];
		break;
	case KT_EVENING:
		split_body(path, p->f.body, p->f.body_line, evening_sections,
		    source ? 2 : 0, sec, d);
		t->goal = sec[0];
		t->followup = sec[1];
		break;
	case KT_TALK:
		kt_talk_body(path, p->f.body, p->f.body_line, d);
		break;
	case KT_TIP:
		split_body(path, p->f.body, p->f.body_line, NULL, 0, sec, d);
		t->body = sec[0];
		if (t->body == NULL)
			kt_error(d, path, p->f.body_line, 1, "the tip has no "
			    "text; write it below the closing ---");
		break;
	default:
		break;
	}
}

struct kt_item *
kt_load_source(enum kt_kind kind, const char *path, const char *slug,
    const char *root, const struct kt_model *m, struct kt_diag *d)
{
	static const char *const *const keys[KT_KIND_COUNT] = {
		assignment_keys, evening_keys, tip_keys, kt_talk_keys
	};
	struct kt_parsed p;
	struct kt_item *it;
	struct kt_text *t;
	struct kt_ctx c;

	if (!kt_parse_file(path, root, d, &p)) {
		kt_parsed_free(&p);
		return NULL;
	}
	it = kt_item_new(kind, slug);
	t = kt_text_new("nl", path);
	t->digest = g_steal_pointer(&p.digest);
	/* positions in the model point at the path the text owns */
	path = t->path;
	t->status = KT_SOURCE;
	g_hash_table_insert(it->texts, t->lang, t);
	it->source = t;

	c = (struct kt_ctx){ path, d, p.front, NULL };
	kt_check_keys(&c, keys[kind], only_translations,
	    "is for translations only; the Dutch file is the source");
	load_common(&c, t, kind, TRUE);
	switch (kind) {
	case KT_ASSIGNMENT:
		load_assignment(&c, it, t, m);
		break;
	case KT_EVENING:
		load_evening(&c, it, t, m);
		break;
	case KT_TALK:
		kt_load_talk(&c, it, t, m);
		t->origin = kt_talk_origin(p.front);
		break;
	case KT_TIP:
		it->group = kt_get_choice(&c, "groep", TRUE, KT_V_GROUP);
		it->audience_tip = MAX(0, kt_get_choice(&c, "voor", FALSE,
		    KT_V_FOR));
		break;
	default:
		break;
	}
	load_body(path, &p, kind, t, TRUE, d);
	kt_parsed_free(&p);
	return it;
}

struct kt_text *
kt_load_translation(struct kt_item *it, const char *path, const char *lang,
    const char *root, const struct kt_model *m, struct kt_diag *d)
{
	static const char *const *const keys[KT_KIND_COUNT] = {
		assignment_tr_keys, evening_tr_keys, tip_tr_keys,
		kt_talk_tr_keys
	};
	static const char *const *const all[KT_KIND_COUNT] = {
		assignment_keys, evening_keys, tip_keys, kt_talk_keys
	};
	struct kt_parsed p;
	struct kt_text *t;
	struct kt_ctx c;

	if (!kt_parse_file(path, root, d, &p)) {
		kt_parsed_free(&p);
		return NULL;
	}
	t = kt_text_new(lang, path);
	t->digest = g_steal_pointer(&p.digest);
	path = t->path;
	c = (struct kt_ctx){ path, d, p.front, NULL };
	kt_check_keys(&c, keys[it->kind], all[it->kind],
	    "belongs in the Dutch file only; remove it here");
	read_status(&c, t);
	check_origin(&c, it->source);
	load_common(&c, t, it->kind, FALSE);
	if (it->kind == KT_ASSIGNMENT)
		load_home(&c, it, t, m, it->source);
	if (it->kind == KT_TALK)
		kt_load_talk_family(&c, t, it->source);
	load_body(path, &p, it->kind, t, FALSE, d);
	kt_parsed_free(&p);
	return t;
}

gboolean
kt_translated_field(enum kt_kind kind, const char *section, const char *key)
{
	static const char *const *const keys[KT_KIND_COUNT] = {
		assignment_tr_keys, evening_tr_keys, tip_tr_keys,
		kt_talk_tr_keys
	};

	if (kind == KT_TALK)
		return kt_talk_translated(section, key);
	if (section == NULL)
		return g_strv_contains(keys[kind], key) &&
		    !g_strv_contains(about_translation, key);
	if (kind == KT_ASSIGNMENT && strcmp(section, "thuis") == 0)
		return g_strv_contains(home_tr_keys, key);
	if (kind == KT_ASSIGNMENT && strcmp(section, "stappen") == 0)
		return g_strv_contains(step_tr_keys, key);
	if (kind == KT_ASSIGNMENT && strcmp(section, "vragen") == 0)
		return g_strv_contains(question_tr_keys, key);
	return FALSE;
}

char *
kt_item_pictogram(const struct kt_ctx *c, const char *key, gboolean required,
    const struct kt_model *m)
{
	return get_pictogram(c, key, required, m);
}

void
kt_item_years(const struct kt_ctx *c, struct kt_item *it)
{
	load_years(c, it);
}
