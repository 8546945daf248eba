/*
 * Collects and prints diagnostics in the form compilers use, so editors and
 * CI can jump to the place: path:line:column: error: message.
 */
#include "diag.h"

#include <string.h>

static void
problem_free(struct kt_problem *p)
{
	g_free(p->path);
	g_free(p->message);
	g_free(p);
}

struct kt_diag *
kt_diag_new(void)
{
	struct kt_diag *d = g_new0(struct kt_diag, 1);

	d->problems = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)problem_free);
	d->once = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_mutex_init(&d->lock);
	return d;
}

void
kt_diag_free(struct kt_diag *d)
{
	if (d == NULL)
		return;
	g_ptr_array_free(d->problems, TRUE);
	g_hash_table_destroy(d->once);
	g_mutex_clear(&d->lock);
	g_free(d);
}

static void
add(struct kt_diag *d, enum kt_severity sev, const char *path, int line,
    int col, const char *fmt, va_list ap)
{
	struct kt_problem *p = g_new0(struct kt_problem, 1);

	p->path = g_strdup(path);
	p->line = line;
	p->col = col;
	p->severity = sev;
	p->message = g_strdup_vprintf(fmt, ap);
	g_mutex_lock(&d->lock);
	g_ptr_array_add(d->problems, p);
	g_mutex_unlock(&d->lock);
}

void
kt_error(struct kt_diag *d, const char *path, int line, int col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, KT_ERROR, path, line, col, fmt, ap);
	va_end(ap);
}

void
kt_warning(struct kt_diag *d, const char *path, int line, int col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, KT_WARNING, path, line, col, fmt, ap);
	va_end(ap);
}

gboolean
kt_diag_once(struct kt_diag *d, const char *key)
{
	gboolean first;

	g_mutex_lock(&d->lock);
	first = g_hash_table_add(d->once, g_strdup(key));
	g_mutex_unlock(&d->lock);
	return first;
}

size_t
kt_diag_count(const struct kt_diag *d, enum kt_severity sev)
{
	size_t n = 0;

	for (guint i = 0; i < d->problems->len; i++) {
		const struct kt_problem *p = g_ptr_array_index(d->problems, i);
		if (p->severity == sev)
			n++;
	}
	return n;
}

static gint
cmp_problem(gconstpointer a, gconstpointer b)
{
	const struct kt_problem *p = *(struct kt_problem *const *)a;
	const struct kt_problem *q = *(struct kt_problem *const *)b;
	int c = strcmp(p->path, q->path);

	if (c != 0)
		return c;
	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	if (p->col != q->col)
		return p->col < q->col ? -1 : 1;
	return strcmp(p->message, q->message);
}

void
kt_diag_print(struct kt_diag *d, FILE *f)
{
	g_ptr_array_sort(d->problems, cmp_problem);
	for (guint i = 0; i < d->problems->len; i++) {
		const struct kt_problem *p = g_ptr_array_index(d->problems, i);
		const char *sev = p->severity == KT_ERROR ? "error" : "warning";

		if (p->line > 0 && p->col > 0)
			fprintf(f, "%s:%d:%d: %s: %s\n", p->path, p->line,
			    p->col, sev, p->message);
		else if (p->line > 0)
			fprintf(f, "%s:%d: %s: %s\n", p->path, p->line, sev,
			    p->message);
		else
			fprintf(f, "%s: %s: %s\n", p->path, sev, p->message);
	}
}
