/*
 * Loading a talk guide (gesprek): which talk, for whom, how long, the
 * home assignments it looks back at (check.c verifies that they exist),
 * the family's preparation and the mentor's guide. What every content
 * type shares (titel, samenvatting, vertaling, bron) is read in item.c.
 */
#include "load/talk.h"

#include <string.h>

#include "load/item.h"

const char *const kt_talk_keys[] = {
	"titel", "samenvatting", "soort", "keuze", "onderwijstype",
	"leerjaar", "duur", "pictogram", "opdrachten", "gezin", "mentor", NULL
};
const char *const kt_talk_tr_keys[] = {
	"titel", "samenvatting", "vertaling", "bron", "gezin", NULL
};
static const char *const family_keys[] = {
	"intro", "vragen-leerling", "vragen-ouder", NULL
};
static const char *const mentor_keys[] = {
	"opening", "delen", "afsluiting", "noteren", NULL
};
static const char *const part_keys[] = { "deel", "duur", "vragen", NULL };

static void
check_mds(GPtrArray *a, struct kt_diag *d)
{
	for (guint i = 0; i < a->len; i++)
		kt_md_check(g_ptr_array_index(a, i), d);
}

static void
take_mds(GPtrArray *dst, GPtrArray *src)
{
	for (guint i = 0; i < src->len; i++)
		g_ptr_array_add(dst, g_ptr_array_index(src, i));
	g_ptr_array_free(src, TRUE);
}

/* A translation gives each list of questions as long as the Dutch. */
static void
same_count(const struct kt_ctx *c, const char *key, GPtrArray *got,
    GPtrArray *dutch)
{
	const struct kt_ynode *n = kt_field(c, key, FALSE);

	if (n != NULL && got->len > 0 && got->len != dutch->len)
		kt_warning(c->d, c->path, n->line, n->col, "%u questions in "
		    "'gezin.%s', but the Dutch file has %u; translate each "
		    "once", got->len, key, dutch->len);
}

void
kt_load_talk_family(const struct kt_ctx *c, struct kt_text *t,
    const struct kt_text *source)
{
	const struct kt_ynode *n = kt_field(c, "gezin", source == NULL);
	struct kt_ctx fc;

	if (n == NULL || !kt_sub(c, n, "gezin", &fc))
		return;
	kt_check_keys(&fc, family_keys, NULL, NULL);
	t->intro = kt_get_md(&fc, "intro", source == NULL);
	kt_md_check(t->intro, c->d);
	kt_md_keep_lines(t->intro);
	take_mds(t->pupil_questions, kt_get_mds(&fc, "vragen-leerling",
	    source == NULL));
	take_mds(t->parent_questions, kt_get_mds(&fc, "vragen-ouder",
	    source == NULL));
	check_mds(t->pupil_questions, c->d);
	check_mds(t->parent_questions, c->d);
	if (source != NULL) {
		same_count(&fc, "vragen-leerling", t->pupil_questions,
		    source->pupil_questions);
		same_count(&fc, "vragen-ouder", t->parent_questions,
		    source->parent_questions);
	}
}

/* delen: the parts of the talk in order, each with minutes and
 * questions; together they should take the talk's duur. */
static void
load_parts(const struct kt_ctx *c, struct kt_item *it)
{
	const struct kt_ynode *list = kt_get_records(c, "delen", TRUE);
	guint32 seen = 0;
	int total = 0;

	if (list == NULL)
		return;
	for (guint i = 0; i < list->items->len; i++) {
		const struct kt_ynode *e = g_ptr_array_index(list->items, i);
		struct kt_ctx pc;
		struct kt_talk_part *p;

		if (!kt_sub(c, e, "mentor.delen", &pc))
			continue;
		kt_check_keys(&pc, part_keys, NULL, NULL);
		p = g_new0(struct kt_talk_part, 1);
		p->part = kt_get_choice(&pc, "deel", TRUE, KT_V_TALK_PART);
		if (p->part >= 0 && (seen & (1u << p->part)))
			kt_error(c->d, c->path, e->line, e->col, "part '%s' "
			    "appears twice in 'mentor.delen'; keep one",
			    kt_vocab_name(KT_V_TALK_PART, p->part));
		else if (p->part >= 0)
			seen |= 1u << p->part;
		kt_get_int(&pc, "duur", TRUE, 1, 120, &p->minutes);
		total += p->minutes;
		p->questions = g_ptr_array_new_with_free_func(
		    (GDestroyNotify)kt_md_free);
		take_mds(p->questions, kt_get_mds(&pc, "vragen", TRUE));
		check_mds(p->questions, c->d);
		g_ptr_array_add(it->parts, p);
	}
	if (it->minutes > 0 && total != it->minutes)
		kt_warning(c->d, c->path, list->line, list->col, "the parts "
		    "add up to %d minutes, but duur is %d", total,
		    it->minutes);
}

static void
load_mentor(const struct kt_ctx *c, struct kt_item *it, struct kt_text *t)
{
	const struct kt_ynode *n = kt_field(c, "mentor", TRUE);
	struct kt_ctx mc;

	if (n == NULL || !kt_sub(c, n, "mentor", &mc))
		return;
	kt_check_keys(&mc, mentor_keys, NULL, NULL);
	t->opening = kt_get_md(&mc, "opening", TRUE);
	load_parts(&mc, it);
	t->closing = kt_get_md(&mc, "afsluiting", TRUE);
	t->notes = kt_get_md(&mc, "noteren", TRUE);
	kt_md_check(t->opening, c->d);
	kt_md_check(t->closing, c->d);
	kt_md_check(t->notes, c->d);
}

/* opdrachten: slugs of home assignments, kept with where they stand. */
static void
load_looks_back(const struct kt_ctx *c, struct kt_item *it)
{
	const struct kt_ynode *n = kt_field(c, "opdrachten", FALSE);
	GPtrArray *a;

	if (n == NULL)
		return;
	if (n->type == KT_Y_SCALAR) {
		a = g_ptr_array_new();
		g_ptr_array_add(a, (gpointer)n);
	} else if (n->type == KT_Y_SEQ) {
		a = g_ptr_array_ref(n->items);
	} else {
		kt_error(c->d, c->path, n->line, n->col, "'opdrachten' must be "
		    "a list of slugs of home assignments, like [open-dag]");
		return;
	}
	for (guint i = 0; i < a->len; i++) {
		const struct kt_ynode *e = g_ptr_array_index(a, i);
		char *s = kt_scalar_text(c, e, "opdrachten");
		struct kt_ref *r;

		if (s == NULL)
			continue;
		r = g_new0(struct kt_ref, 1);
		r->slug = s;
		r->pos = (struct kt_pos){ c->path, e->line, e->col };
		g_ptr_array_add(it->looks_back, r);
	}
	g_ptr_array_unref(a);
}

void
kt_load_talk(const struct kt_ctx *c, struct kt_item *it, struct kt_text *t,
    const struct kt_model *m)
{
	it->talk = kt_get_choice(c, "soort", TRUE, KT_V_TALK);
	it->choices = kt_get_set(c, "keuze", FALSE, KT_V_CHOICE);
	if (it->talk == kt_vocab_find(KT_V_TALK, "keuze") &&
	    it->choices == 0 && kt_field(c, "keuze", FALSE) == NULL)
		kt_error(c->d, c->path, c->map->line, c->map->col, "a talk "
		    "before a choice needs 'keuze: ...': profiel, sector, "
		    "stage, vervolgstudie or arbeidsmarkt");
	it->school_types = kt_get_set(c, "onderwijstype", TRUE,
	    KT_V_SCHOOL_TYPE);
	kt_item_years(c, it);
	kt_get_int(c, "duur", TRUE, 5, 120, &it->minutes);
	it->pictogram = kt_item_pictogram(c, "pictogram", TRUE, m);
	load_looks_back(c, it);
	kt_load_talk_family(c, t, NULL);
	load_mentor(c, it, t);
}

gboolean
kt_talk_translated(const char *section, const char *key)
{
	if (section == NULL)
		return g_strv_contains(kt_talk_tr_keys, key) &&
		    strcmp(key, "vertaling") != 0 && strcmp(key, "bron") != 0;
	return strcmp(section, "gezin") == 0 &&
	    g_strv_contains(family_keys, key);
}

/* A node's values into s, each scalar with its length before it, so no
 * two different trees give the same string. */
static void
node_text(GString *s, const struct kt_ynode *n)
{
	if (n->type == KT_Y_SCALAR) {
		g_string_append_printf(s, "%zu:%s", strlen(n->value),
		    n->value);
		return;
	}
	g_string_append_c(s, n->type == KT_Y_SEQ ? '[' : '{');
	for (guint i = 0; i < n->items->len; i++)
		node_text(s, g_ptr_array_index(n->items, i));
	g_string_append_c(s, n->type == KT_Y_SEQ ? ']' : '}');
}

char *
kt_talk_origin(const struct kt_ynode *front)
{
	static const char *const translated[] = { "titel", "samenvatting",
	    "gezin" };
	GString *s = g_string_new(NULL);
	char *sum;

	for (size_t i = 0; i < G_N_ELEMENTS(translated); i++) {
		const struct kt_ynode *n = kt_ymap_get(front, translated[i]);

		g_string_append_printf(s, "%s=", translated[i]);
		if (n != NULL)
			node_text(s, n);
		g_string_append_c(s, '\n');
	}
	sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, s->str,
	    (gssize)s->len);
	g_string_free(s, TRUE);
	return sum;
}

void
kt_talk_body(const char *path, const char *body, int body_line,
    struct kt_diag *d)
{
	int line = body_line;

	for (const char *s = body; *s != '\0'; s++) {
		if (*s == '\n') {
			line++;
			continue;
		}
		if (!g_ascii_isspace(*s)) {
			kt_error(d, path, line, 1, "a talk guide has no text "
			    "below its front matter; put the mentor's part "
			    "under 'mentor:' (opening, delen, afsluiting, "
			    "noteren)");
			return;
		}
	}
}
