/*
 * Typed reading of YAML fields, with the errors a person needs: missing
 * fields, wrong types, values outside a vocabulary and unknown keys, each
 * with a suggestion. Every reader reports and returns a neutral value, so
 * loading goes on and all problems surface in one run.
 */
#ifndef KT_SCHEMA_H
#define KT_SCHEMA_H

#include "model/model.h"
#include "load/yaml.h"

struct kt_ctx {
	const char *path;
	struct kt_diag *d;
	const struct kt_ynode *map;	/* the mapping being read */
	const char *section;		/* "thuis", or NULL at the top */
};

/*
 * Reports keys of ctx->map that are not in known (with a suggestion),
 * keys that appear twice, and keys in elsewhere (a NULL-terminated list
 * of keys that belong in another file) with the why in elsewhere_msg.
 */
void kt_check_keys(const struct kt_ctx *, const char *const *known,
    const char *const *elsewhere, const char *elsewhere_msg);

/* The value node of key (borrowed from the document), or NULL; reports a
 * missing required field. The getters below return new values, the
 * caller's to free: g_free, kt_md_free, g_ptr_array_free(a, TRUE). */
const struct kt_ynode *kt_field(const struct kt_ctx *, const char *key,
    gboolean required);

char *kt_get_string(const struct kt_ctx *, const char *key, gboolean required);
struct kt_md *kt_get_md(const struct kt_ctx *, const char *key,
    gboolean required);
gboolean kt_get_int(const struct kt_ctx *, const char *key, gboolean required,
    int min, int max, int *out);
gboolean kt_get_bool(const struct kt_ctx *, const char *key, gboolean *out);
/* One value of a vocabulary, as its index; -1 when absent or wrong. */
int kt_get_choice(const struct kt_ctx *, const char *key, gboolean required,
    enum kt_vocab_id);
/* A set of vocabulary values as a bit mask (a single value is a list). */
guint32 kt_get_set(const struct kt_ctx *, const char *key, gboolean required,
    enum kt_vocab_id);
/* A set of whole numbers from min to max as a bit mask. */
guint32 kt_get_numbers(const struct kt_ctx *, const char *key,
    gboolean required, int min, int max);
/* The same for a node: a number or a list of numbers; q names it in
 * messages ("leerjaar.mbo"). */
guint32 kt_node_numbers(const struct kt_ctx *, const struct kt_ynode *,
    const char *q, int min, int max);
/* A list of texts (a single value is a list of one). */
GPtrArray *kt_get_strings(const struct kt_ctx *, const char *key,
    gboolean required);
GPtrArray *kt_get_mds(const struct kt_ctx *, const char *key,
    gboolean required);
/* A list of sets of fields; NULL when absent or wrong. */
const struct kt_ynode *kt_get_records(const struct kt_ctx *, const char *key,
    gboolean required);

/* A context for reading a nested mapping node, or FALSE if n is no map. */
gboolean kt_sub(const struct kt_ctx *, const struct kt_ynode *n,
    const char *section, struct kt_ctx *out);

/* Helpers for plain values outside a mapping field. */
char *kt_scalar_text(const struct kt_ctx *, const struct kt_ynode *,
    const char *what);
struct kt_md *kt_scalar_md(const struct kt_ctx *, const struct kt_ynode *,
    const char *what);

#endif
