build/obj/calendars/cal_lines.o: calendars/cal_lines.c \
 calendars/cal_int.h calendars/cal.h engine/status.h engine/xmalloc.h
calendars/cal_int.h:
calendars/cal.h:
engine/status.h:
engine/xmalloc.h:
