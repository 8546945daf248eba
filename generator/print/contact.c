/*
 * Whom a parent calls, for every printable that says so: the mentor and
 * the number the mentor gave, or the school and the school's number.
 */
#include "print/pdfkit.h"

char *
kt_pdf_unbroken(const char *phone)
{
	char **parts = g_strsplit(phone, " ", -1);
	char *nb = g_strjoinv("\u00A0", parts);

	g_strfreev(parts);
	return nb;
}

char *
kt_pdf_contact(const struct kt_pdf *p)
{
	const struct kt_render_opts *o = p->kit->o;
	const struct kt_site *site = &p->kit->m->site;
	const char *who = o->mentor != NULL ? o->mentor : site->contact_name;
	char *nb, *s;

	if (o->phone == NULL && o->mentor != NULL) {
		if (site->contact_phone == NULL)
			return g_strdup(o->mentor);
		nb = kt_pdf_unbroken(site->contact_phone);
		s = g_strdup_printf("%s\n%s%s%s", o->mentor, site->school ?
		    site->school : "", site->school ? ": " : "", nb);
		g_free(nb);
		return s;
	}
	if (o->phone == NULL && site->contact_phone == NULL)
		return g_strdup(who);
	nb = kt_pdf_unbroken(o->phone != NULL ? o->phone : site->contact_phone);
	s = g_strconcat(who != NULL ? who : "", who != NULL ? "\n" : "", nb,
	    NULL);
	g_free(nb);
	return s;
}
