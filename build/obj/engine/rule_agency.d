build/obj/engine/rule_agency.o: engine/rule_agency.c engine/derived.h \
 engine/model.h engine/rules.h engine/state.h engine/status.h \
 engine/xmalloc.h
engine/derived.h:
engine/model.h:
engine/rules.h:
engine/state.h:
engine/status.h:
engine/xmalloc.h:
