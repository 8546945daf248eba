/*
 * The website's side of the build: the theme's layout read once, then one
 * call per job of the plan. The pages themselves are made in html.c
 * (items), bank.c (listings, search) and feeds.c (sitemaps, feeds).
 */
#include "web/web.h"

#include <libxml/parser.h>

#include "web/page.h"

struct kt_web {
	struct site s;
};

struct kt_web *
kt_web_new(const struct kt_plan *plan, struct kt_writer *w,
    struct kt_diag *d)
{
	char *layout = g_build_filename(plan->o->theme, "layout.html", NULL);
	struct kt_web *web = g_new0(struct kt_web, 1);
	struct site *s = &web->s;

	s->m = plan->m;
	s->o = plan->o;
	s->plan = plan;
	s->w = w;
	s->d = d;
	s->ok = TRUE;
	/* no dictionary: pages are copied from it in several threads */
	s->layout = xmlReadFile(layout, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NODICT);
	if (s->layout == NULL) {
		const xmlError *e = xmlGetLastError();
		kt_error(d, layout, e ? e->line : 0, e ? e->int2 : 0,
		    "the layout is not well-formed: %s",
		    e && e->message ? g_strstrip(e->message) : "?");
		g_free(layout);
		g_free(web);
		return NULL;
	}
	g_free(layout);
	return web;
}

void
kt_web_run(struct kt_web *web, const struct kt_plan_job *j)
{
	switch (j->kind) {
	case KT_JOB_SHARED:
		h_shared(&web->s);
		break;
	case KT_JOB_BANK:
		h_bank(&web->s, j->lang);
		h_feeds(&web->s, j->lang);
		break;
	case KT_JOB_PAGE:
		h_item_page(&web->s, j->it, j->lang);
		break;
	default:
		g_assert_not_reached();
	}
}

gboolean
kt_web_free(struct kt_web *web)
{
	gboolean ok;

	if (web == NULL)
		return FALSE;
	ok = g_atomic_int_get(&web->s.ok);
	xmlFreeDoc(web->s.layout);
	g_free(web);
	return ok;
}
