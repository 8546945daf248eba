/*
 * A YAML tree with file positions, built from libyaml's event stream.
 * Scalars stay strings (typing is the schema's job, in the loaders).
 * Anchors and aliases are refused and nesting is bounded, so a small file
 * can never expand into a huge tree.
 */
#ifndef KT_YAML_H
#define KT_YAML_H

#include <glib.h>

#include "diag.h"

enum kt_ytype { KT_Y_SCALAR, KT_Y_SEQ, KT_Y_MAP };

struct kt_ynode {
	enum kt_ytype type;
	int line, col;		/* 1-based position in the file */
	char *value;		/* scalar text */
	gboolean plain;		/* a scalar written without quotes */
	GPtrArray *items;	/* seq: nodes; map: key, value, key, value... */
};

#define KT_YAML_MAX_DEPTH 32

/*
 * Parses one YAML document. first_line is the file line the text starts on
 * (front matter starts on line 2). Returns NULL on an error (reported) and
 * also for an empty document, with *empty set. The caller frees the tree
 * with kt_ynode_free; the accessors below return nodes borrowed from it.
 */
struct kt_ynode *kt_yaml_parse(const char *text, size_t len, const char *path,
    int first_line, struct kt_diag *, gboolean *empty);
void kt_ynode_free(struct kt_ynode *);

/* Map access: number of pairs, and the key and value of pair i. */
guint kt_ymap_len(const struct kt_ynode *);
struct kt_ynode *kt_ymap_key(const struct kt_ynode *, guint i);
struct kt_ynode *kt_ymap_value(const struct kt_ynode *, guint i);
struct kt_ynode *kt_ymap_get(const struct kt_ynode *, const char *key);

const char *kt_ytype_name(enum kt_ytype);

#endif
