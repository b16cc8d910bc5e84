build/san/calendars/cal_tz.o: calendars/cal_tz.c calendars/cal.h \
 calendars/cal_int.h engine/civil.h engine/status.h engine/xmalloc.h
calendars/cal.h:
calendars/cal_int.h:
engine/civil.h:
engine/status.h:
engine/xmalloc.h:
