build/obj/cmd/output_json.o: cmd/output_json.c calendars/cal.h \
 engine/civil.h cmd/output.h cmd/run.h engine/xmalloc.h
calendars/cal.h:
engine/civil.h:
cmd/output.h:
cmd/run.h:
engine/xmalloc.h:
