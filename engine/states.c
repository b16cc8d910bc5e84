/* The table of USPS codes behind engine/states.h. */
#include <string.h>

#include "states.h"

static const char *const states_codes[] = {
	"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
	"HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
	"MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
	"NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
	"SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
	"DC", "PR", "GU", "VI", "AS", "MP"
};

#define STATES_N ((int)(sizeof states_codes / sizeof states_codes[0]))

int
states_index(const char *code)
{
	for (int i = 0; i < STATES_N; i++)
		if (strcmp(code, states_codes[i]) == 0)
			return i;
	return -1;
}

const char *
states_code(int index)
{
	return index >= 0 && index < STATES_N ? states_codes[index] : "??";
}

int
states_count(void)
{
	return STATES_N;
}
