/*
 * The field readers behind every loader. Messages name the field as the
 * user wrote it, say what was expected, and what to write instead.
 */
#include "load/schema.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *
qual(const struct kt_ctx *c, const char *key, char *buf, size_t n)
{
	if (c->section != NULL)
		g_snprintf(buf, n, "%s.%s", c->section, key);
	else
		g_snprintf(buf, n, "%s", key);
	return buf;
}

void
kt_check_keys(const struct kt_ctx *c, const char *const *known,
    const char *const *elsewhere, const char *elsewhere_msg)
{
	guint nknown = g_strv_length((char **)known);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = 0; i < kt_ymap_len(c->map); i++) {
		const struct kt_ynode *k = kt_ymap_key(c->map, i);
		const char *name, *s;

		if (k->type != KT_Y_SCALAR) {
			kt_error(c->d, c->path, k->line, k->col,
			    "a field name must be a single word");
			continue;
		}
		name = k->value;
		if (g_hash_table_contains(seen, name)) {
			kt_error(c->d, c->path, k->line, k->col,
			    "field '%s' appears twice; keep one", name);
			continue;
		}
		g_hash_table_add(seen, (gpointer)name);
		if (g_strv_contains(known, name))
			continue;
		if (elsewhere != NULL && g_strv_contains(elsewhere, name)) {
			kt_error(c->d, c->path, k->line, k->col,
			    "field '%s' %s", name, elsewhere_msg);
			continue;
		}
		s = kt_suggest(name, known, nknown);
		if (s != NULL)
			kt_error(c->d, c->path, k->line, k->col,
			    "unknown field '%s'; did you mean '%s'?", name, s);
		else {
			char *list = g_strjoinv(", ", (char **)known);
			kt_error(c->d, c->path, k->line, k->col,
			    "unknown field '%s'; known fields%s%s: %s", name,
			    c->section ? " in " : "",
			    c->section ? c->section : "", list);
			g_free(list);
		}
	}
	g_hash_table_destroy(seen);
}

/*
 * Is key written with a typo in the map? Then kt_check_keys has already
 * said "did you mean", and "missing" would only repeat it.
 */
static gboolean
misspelled(const struct kt_ctx *c, const char *key)
{
	const char *const one[] = { key, NULL };

	for (guint i = 0; i < kt_ymap_len(c->map); i++) {
		const struct kt_ynode *k = kt_ymap_key(c->map, i);
		if (k->type == KT_Y_SCALAR && kt_suggest(k->value, one, 1))
			return TRUE;
	}
	return FALSE;
}

const struct kt_ynode *
kt_field(const struct kt_ctx *c, const char *key, gboolean required)
{
	const struct kt_ynode *v = kt_ymap_get(c->map, key);
	char q[128];

	if (v == NULL && required && !misspelled(c, key))
		kt_error(c->d, c->path, c->map->line, c->map->col,
		    "missing field '%s'; add a line '%s: ...'",
		    qual(c, key, q, sizeof q), key);
	return v;
}

/* A scalar that is null in YAML: empty, ~ or null. */
static gboolean
is_null(const struct kt_ynode *n)
{
	return n->type == KT_Y_SCALAR && n->plain &&
	    (n->value[0] == '\0' || strcmp(n->value, "~") == 0 ||
	    strcmp(n->value, "null") == 0);
}

char *
kt_scalar_text(const struct kt_ctx *c, const struct kt_ynode *n,
    const char *what)
{
	if (n->type != KT_Y_SCALAR) {
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' must be text, not %s", what, kt_ytype_name(n->type));
		return NULL;
	}
	{
		char *t = g_strstrip(g_strdup(n->value));

		if (t[0] == '\0' || is_null(n)) {
			kt_error(c->d, c->path, n->line, n->col,
			    "'%s' is empty; write the text after the colon",
			    what);
			g_free(t);
			return NULL;
		}
		return t;
	}
}

struct kt_md *
kt_scalar_md(const struct kt_ctx *c, const struct kt_ynode *n,
    const char *what)
{
	char *t = kt_scalar_text(c, n, what);
	struct kt_md *m;

	if (t == NULL)
		return NULL;
	m = kt_md_new(t, (struct kt_pos){ c->path, n->line, n->col });
	g_free(t);
	return m;
}

char *
kt_get_string(const struct kt_ctx *c, const char *key, gboolean required)
{
	const struct kt_ynode *v = kt_field(c, key, required);
	char q[128];

	return v != NULL ? kt_scalar_text(c, v, qual(c, key, q, sizeof q)) :
	    NULL;
}

struct kt_md *
kt_get_md(const struct kt_ctx *c, const char *key, gboolean required)
{
	const struct kt_ynode *v = kt_field(c, key, required);
	char q[128];

	return v != NULL ? kt_scalar_md(c, v, qual(c, key, q, sizeof q)) :
	    NULL;
}

static gboolean
parse_int(const char *s, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && end != s && *end == '\0';
}

gboolean
kt_get_int(const struct kt_ctx *c, const char *key, gboolean required,
    int min, int max, int *out)
{
	const struct kt_ynode *v = kt_field(c, key, required);
	char q[128];
	long n;

	if (v == NULL)
		return FALSE;
	qual(c, key, q, sizeof q);
	if (v->type != KT_Y_SCALAR || !parse_int(v->value, &n)) {
		kt_error(c->d, c->path, v->line, v->col,
		    "'%s' must be a whole number from %d to %d", q, min, max);
		return FALSE;
	}
	if (n < min || n > max) {
		kt_error(c->d, c->path, v->line, v->col,
		    "'%s' is %ld; it must be from %d to %d", q, n, min, max);
		return FALSE;
	}
	*out = (int)n;
	return TRUE;
}

gboolean
kt_get_bool(const struct kt_ctx *c, const char *key, gboolean *out)
{
	const struct kt_ynode *v = kt_field(c, key, FALSE);
	static const char *const yes[] = { "ja", "true", "yes", NULL };
	static const char *const no[] = { "nee", "false", "no", NULL };
	char q[128];

	if (v == NULL)
		return FALSE;
	if (v->type == KT_Y_SCALAR && g_strv_contains(yes, v->value)) {
		*out = TRUE;
		return TRUE;
	}
	if (v->type == KT_Y_SCALAR && g_strv_contains(no, v->value)) {
		*out = FALSE;
		return TRUE;
	}
	kt_error(c->d, c->path, v->line, v->col, "'%s' must be ja or nee",
	    qual(c, key, q, sizeof q));
	return FALSE;
}

static int
vocab_value(const struct kt_ctx *c, const struct kt_ynode *n,
    const char *field, enum kt_vocab_id v)
{
	int i;
	const char *s;

	if (n->type != KT_Y_SCALAR) {
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' takes values like '%s', not %s", field,
		    kt_vocab_name(v, 0), kt_ytype_name(n->type));
		return -1;
	}
	i = kt_vocab_find(v, n->value);
	if (i >= 0)
		return i;
	s = kt_suggest(n->value, kt_vocabs[v].values, (guint)kt_vocab_size(v));
	if (s != NULL) {
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' is not a known value of '%s'; did you mean '%s'?",
		    n->value, field, s);
	} else {
		char *list = g_strjoinv(", ", (char **)kt_vocabs[v].values);
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' is not a known value of '%s'; use one of: %s",
		    n->value, field, list);
		g_free(list);
	}
	return -1;
}

int
kt_get_choice(const struct kt_ctx *c, const char *key, gboolean required,
    enum kt_vocab_id v)
{
	const struct kt_ynode *n = kt_field(c, key, required);
	char q[128];

	return n != NULL ? vocab_value(c, n, qual(c, key, q, sizeof q), v) :
	    -1;
}

/* The items of a list field, a lone scalar counting as a list of one. */
static GPtrArray *
list_items(const struct kt_ctx *c, const struct kt_ynode *n, const char *q)
{
	GPtrArray *a = g_ptr_array_new();

	if (n->type == KT_Y_SEQ) {
		for (guint i = 0; i < n->items->len; i++)
			g_ptr_array_add(a, g_ptr_array_index(n->items, i));
	} else if (n->type == KT_Y_SCALAR && !is_null(n)) {
		g_ptr_array_add(a, (gpointer)n);
	} else if (n->type == KT_Y_MAP) {
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' must be a list like [a, b], not a set of fields", q);
	}
	if (a->len == 0 && n->type != KT_Y_MAP)
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' is empty; give at least one value", q);
	return a;
}

guint32
kt_get_set(const struct kt_ctx *c, const char *key, gboolean required,
    enum kt_vocab_id v)
{
	const struct kt_ynode *n = kt_field(c, key, required);
	guint32 mask = 0;
	char q[128];
	GPtrArray *a;

	if (n == NULL)
		return 0;
	qual(c, key, q, sizeof q);
	a = list_items(c, n, q);
	for (guint i = 0; i < a->len; i++) {
		const struct kt_ynode *e = g_ptr_array_index(a, i);
		int k;

		/* "vmbo" stands for the four vmbo tracks */
		if (v == KT_V_SCHOOL_TYPE && e->type == KT_Y_SCALAR &&
		    strcmp(e->value, "vmbo") == 0) {
			mask |= 0xF;
			continue;
		}
		k = vocab_value(c, e, q, v);
		if (k < 0)
			continue;
		if (mask & (1u << k))
			kt_warning(c->d, c->path, e->line, e->col,
			    "'%s' is listed twice in '%s'", e->value, q);
		mask |= 1u << k;
	}
	g_ptr_array_free(a, TRUE);
	return mask;
}

guint32
kt_get_numbers(const struct kt_ctx *c, const char *key, gboolean required,
    int min, int max)
{
	const struct kt_ynode *n = kt_field(c, key, required);
	char q[128];

	if (n == NULL)
		return 0;
	qual(c, key, q, sizeof q);
	return kt_node_numbers(c, n, q, min, max);
}

guint32
kt_node_numbers(const struct kt_ctx *c, const struct kt_ynode *n,
    const char *q, int min, int max)
{
	guint32 mask = 0;
	GPtrArray *a = list_items(c, n, q);

	for (guint i = 0; i < a->len; i++) {
		const struct kt_ynode *e = g_ptr_array_index(a, i);
		long v;

		if (e->type != KT_Y_SCALAR || !parse_int(e->value, &v)) {
			kt_error(c->d, c->path, e->line, e->col,
			    "'%s' takes whole numbers from %d to %d", q, min,
			    max);
			continue;
		}
		if (v < min || v > max) {
			kt_error(c->d, c->path, e->line, e->col,
			    "%s %ld does not exist; use %d to %d", q, v, min,
			    max);
			continue;
		}
		mask |= 1u << v;
	}
	g_ptr_array_free(a, TRUE);
	return mask;
}

GPtrArray *
kt_get_strings(const struct kt_ctx *c, const char *key, gboolean required)
{
	const struct kt_ynode *n = kt_field(c, key, required);
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	char q[128];
	GPtrArray *a;

	if (n == NULL)
		return out;
	qual(c, key, q, sizeof q);
	a = list_items(c, n, q);
	for (guint i = 0; i < a->len; i++) {
		char *s = kt_scalar_text(c, g_ptr_array_index(a, i), q);
		if (s != NULL)
			g_ptr_array_add(out, s);
	}
	g_ptr_array_free(a, TRUE);
	return out;
}

GPtrArray *
kt_get_mds(const struct kt_ctx *c, const char *key, gboolean required)
{
	const struct kt_ynode *n = kt_field(c, key, required);
	GPtrArray *out = g_ptr_array_new();
	char q[128];
	GPtrArray *a;

	if (n == NULL)
		return out;
	qual(c, key, q, sizeof q);
	a = list_items(c, n, q);
	for (guint i = 0; i < a->len; i++) {
		struct kt_md *m = kt_scalar_md(c, g_ptr_array_index(a, i), q);
		if (m != NULL)
			g_ptr_array_add(out, m);
	}
	g_ptr_array_free(a, TRUE);
	return out;
}

const struct kt_ynode *
kt_get_records(const struct kt_ctx *c, const char *key, gboolean required)
{
	const struct kt_ynode *n = kt_field(c, key, required);
	char q[128];

	if (n == NULL)
		return NULL;
	qual(c, key, q, sizeof q);
	if (n->type != KT_Y_SEQ) {
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' must be a list, each entry starting with '- '", q);
		return NULL;
	}
	if (n->items->len == 0) {
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' is empty; give at least one entry", q);
		return NULL;
	}
	return n;
}

gboolean
kt_sub(const struct kt_ctx *c, const struct kt_ynode *n, const char *section,
    struct kt_ctx *out)
{
	if (n->type != KT_Y_MAP) {
		kt_error(c->d, c->path, n->line, n->col,
		    "'%s' must be a set of fields (name: value), not %s",
		    section, kt_ytype_name(n->type));
		return FALSE;
	}
	*out = (struct kt_ctx){ c->path, c->d, n, section };
	return TRUE;
}
