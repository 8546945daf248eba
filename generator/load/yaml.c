/*
 * Turns libyaml's events into a kt_ynode tree. libyaml reports syntax errors
 * with a position; we add a hint for the mistakes people make most.
 */
#include "load/yaml.h"

#include <string.h>
#include <yaml.h>

const char *
kt_ytype_name(enum kt_ytype t)
{
	switch (t) {
	case KT_Y_SCALAR:
		return "a single value";
	case KT_Y_SEQ:
		return "a list";
	case KT_Y_MAP:
		return "a set of fields";
	}
	return "?";
}

void
kt_ynode_free(struct kt_ynode *n)
{
	if (n == NULL)
		return;
	if (n->items != NULL) {
		for (guint i = 0; i < n->items->len; i++)
			kt_ynode_free(g_ptr_array_index(n->items, i));
		g_ptr_array_free(n->items, TRUE);
	}
	g_free(n->value);
	g_free(n);
}

guint
kt_ymap_len(const struct kt_ynode *m)
{
	return m->items->len / 2;
}

struct kt_ynode *
kt_ymap_key(const struct kt_ynode *m, guint i)
{
	return g_ptr_array_index(m->items, 2 * (gsize)i);
}

struct kt_ynode *
kt_ymap_value(const struct kt_ynode *m, guint i)
{
	return g_ptr_array_index(m->items, 2 * (gsize)i + 1);
}

struct kt_ynode *
kt_ymap_get(const struct kt_ynode *m, const char *key)
{
	if (m == NULL || m->type != KT_Y_MAP)
		return NULL;
	for (guint i = 0; i < kt_ymap_len(m); i++) {
		struct kt_ynode *k = kt_ymap_key(m, i);
		if (k->type == KT_Y_SCALAR && strcmp(k->value, key) == 0)
			return kt_ymap_value(m, i);
	}
	return NULL;
}

static const char *
hint_for(const char *problem)
{
	if (problem == NULL)
		return "";
	if (strstr(problem, "mapping values are not allowed"))
		return "; if the text contains ': ', put it in quotes: \"...\"";
	if (strstr(problem, "tab"))
		return "; indent with spaces, not tabs";
	if (strstr(problem, "did not find expected key") ||
	    strstr(problem, "did not find expected '-'"))
		return "; check the indentation of this line against the lines above";
	if (strstr(problem, "found unexpected end of stream"))
		return "; a quote or bracket is not closed";
	if (strstr(problem, "found character that cannot start any token"))
		return "; put text that starts with @, ` or % in quotes";
	return "";
}

static struct kt_ynode *
node_new(enum kt_ytype t, const yaml_mark_t *m, int first_line)
{
	struct kt_ynode *n = g_new0(struct kt_ynode, 1);

	n->type = t;
	n->line = (int)m->line + first_line;
	n->col = (int)m->column + 1;
	if (t != KT_Y_SCALAR)
		n->items = g_ptr_array_new();
	return n;
}

struct kt_ynode *
kt_yaml_parse(const char *text, size_t len, const char *path, int first_line,
    struct kt_diag *d, gboolean *empty)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	GPtrArray *stack = g_ptr_array_new();	/* open collections */
	struct kt_ynode *root = NULL;
	gboolean done = FALSE, failed = FALSE;
	int documents = 0;

	*empty = FALSE;
	if (!yaml_parser_initialize(&parser))
		g_error("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	while (!done && !failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			/* one message, hint included: the loader's threads
			 * report into d side by side */
			kt_error(d, path, (int)parser.problem_mark.line + first_line,
			    (int)parser.problem_mark.column + 1, "YAML: %s%s%s%s%s",
			    parser.problem ? parser.problem : "syntax error",
			    parser.context ? " (" : "",
			    parser.context ? parser.context : "",
			    parser.context ? ")" : "", hint_for(parser.problem));
			failed = TRUE;
			break;
		}

		struct kt_ynode *n = NULL;
		struct kt_ynode *top = stack->len > 0 ?
		    g_ptr_array_index(stack, stack->len - 1) : NULL;

		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = TRUE;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				kt_error(d, path,
				    (int)ev.start_mark.line + first_line,
				    (int)ev.start_mark.column + 1,
				    "a second YAML document starts here; "
				    "the front matter ends at the first line "
				    "with only ---");
				failed = TRUE;
			}
			break;
		case YAML_ALIAS_EVENT:
			kt_error(d, path, (int)ev.start_mark.line + first_line,
			    (int)ev.start_mark.column + 1,
			    "aliases (*%s) are not supported; write the value "
			    "out in full", (const char *)ev.data.alias.anchor);
			failed = TRUE;
			break;
		case YAML_SCALAR_EVENT:
			n = node_new(KT_Y_SCALAR, &ev.start_mark, first_line);
			n->value = g_strndup((const char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (stack->len >= KT_YAML_MAX_DEPTH) {
				kt_error(d, path,
				    (int)ev.start_mark.line + first_line,
				    (int)ev.start_mark.column + 1,
				    "nested more than %d levels deep; "
				    "flatten this value", KT_YAML_MAX_DEPTH);
				failed = TRUE;
				break;
			}
			n = node_new(ev.type == YAML_SEQUENCE_START_EVENT ?
			    KT_Y_SEQ : KT_Y_MAP, &ev.start_mark, first_line);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			g_ptr_array_remove_index(stack, stack->len - 1);
			break;
		default:
			break;
		}
		if (n != NULL && !failed && top == NULL && root != NULL) {
			/* one document has one root; libyaml says so too */
			kt_ynode_free(n);
			failed = TRUE;
		} else if (n != NULL && !failed) {
			if (top != NULL)
				g_ptr_array_add(top->items, n);
			else
				root = n;
			if (n->type != KT_Y_SCALAR)
				g_ptr_array_add(stack, n);
		} else if (n != NULL) {
			kt_ynode_free(n);
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	g_ptr_array_free(stack, TRUE);
	if (failed) {
		kt_ynode_free(root);
		return NULL;
	}
	if (root == NULL)
		*empty = TRUE;
	return root;
}
