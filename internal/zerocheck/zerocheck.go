// Package zerocheck calls every exported method of zero values, for tests:
// a method of an exported type must work on its zero value or return an
// error, never panic, and an error's Error must work on a nil receiver
// too. It is for tests only.
package zerocheck

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// T is the part of testing.TB the checks use.
type T interface {
	Helper()
	Errorf(format string, args ...any)
}

// Methods calls every exported method of each value's type, both on the
// value and (for its pointer type's methods) on a pointer to a zero copy,
// with arguments built by [Arg], and calls every function a method returns
// (an iterator) with a yield that asks for everything. A panic fails the
// test, naming the type and the method; the calls go on. Pass zero values,
// such as participation.Initiative{} or engagement.Transition{}.
func Methods(t T, values ...any) {
	t.Helper()
	for _, v := range values {
		typ := reflect.TypeOf(v)
		call(t, reflect.New(typ))
		call(t, reflect.Zero(typ))
	}
}

// NilErrors calls Error on a nil pointer of each error type given, such as
// (*participation.RowError)(nil), failing the test on a panic.
func NilErrors(t T, errs ...error) {
	t.Helper()
	for _, e := range errs {
		name := reflect.TypeOf(e).String()
		if msg, ok := protect(func() { _ = e.Error() }); !ok {
			t.Errorf("%s(nil).Error panics: %s", name, msg)
		}
	}
}

// call calls every exported method of v.
func call(t T, v reflect.Value) {
	t.Helper()
	for i := range v.NumMethod() {
		m := v.Type().Method(i)
		fn := v.Method(i)
		args := make([]reflect.Value, fn.Type().NumIn())
		for k := range args {
			args[k] = Arg(fn.Type().In(k))
		}
		if msg, ok := protect(func() {
			var out []reflect.Value
			if fn.Type().IsVariadic() {
				out = fn.CallSlice(args)
			} else {
				out = fn.Call(args)
			}
			for _, r := range out {
				drain(r)
			}
		}); !ok {
			t.Errorf("(%s).%s panics on the zero value: %s", v.Type(), m.Name, msg)
		}
	}
}

// drain calls r when it is an iterator (a function taking one function
// that returns bool), asking for every element, and Error when r is an
// error.
func drain(r reflect.Value) {
	if r.Kind() == reflect.Func && !r.IsNil() && r.Type().NumIn() == 1 && r.Type().In(0).Kind() == reflect.Func {
		r.Call([]reflect.Value{Arg(r.Type().In(0))})
		return
	}
	if r.Kind() == reflect.Interface && !r.IsNil() {
		if e, ok := r.Interface().(error); ok {
			_ = e.Error()
		}
	}
}

// Arg returns a harmless argument of type typ: a pointer to a zero value
// for a pointer, an empty reader, a discarding writer, a background
// context, a function that returns zero values (true for a bool, so that
// an iterator asks for more), and the zero value for anything else.
func Arg(typ reflect.Type) reflect.Value {
	switch {
	case typ == reflect.TypeFor[io.Reader]():
		return reflect.ValueOf(strings.NewReader(""))
	case typ == reflect.TypeFor[io.Writer]():
		return reflect.ValueOf(io.Discard)
	case typ == reflect.TypeFor[context.Context]():
		return reflect.ValueOf(context.Background())
	case typ.Kind() == reflect.Pointer:
		return reflect.New(typ.Elem())
	case typ.Kind() == reflect.Func:
		return reflect.MakeFunc(typ, func([]reflect.Value) []reflect.Value {
			out := make([]reflect.Value, typ.NumOut())
			for i := range out {
				out[i] = reflect.Zero(typ.Out(i))
				if typ.Out(i).Kind() == reflect.Bool {
					out[i] = reflect.ValueOf(true).Convert(typ.Out(i))
				}
			}
			return out
		})
	}
	return reflect.Zero(typ)
}

// protect runs f and reports the panic it raised, if any.
func protect(f func()) (msg string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			msg, ok = fmt.Sprint(r), false
		}
	}()
	f()
	return "", true
}
