package api

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// TestRetry_GatewayErrorsAreRetried checks that 502, 503 and 504 are retried until success.
func TestRetry_GatewayErrorsAreRetried(t *testing.T) {
	for _, status := range []int{http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout} {
		var calls int32
		c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			if atomic.AddInt32(&calls, 1) < 3 {
				w.WriteHeader(status)
				return
			}
			_, _ = w.Write([]byte(`{"id":"d1"}`))
		})
		if _, err := c.GetDestination(context.Background(), "d1"); err != nil {
			t.Fatalf("status %d: %v", status, err)
		}
		if calls != 3 {
			t.Fatalf("status %d: %d calls, want 3", status, calls)
		}
	}
}

// TestRetry_ClientAndServerErrorsAreNot checks that 4xx and 500 are not retried.
func TestRetry_ClientAndServerErrorsAreNot(t *testing.T) {
	for _, status := range []int{http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden,
		http.StatusNotFound, http.StatusUnprocessableEntity, http.StatusInternalServerError} {
		var calls int32
		c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			atomic.AddInt32(&calls, 1)
			w.WriteHeader(status)
		})
		if _, err := c.GetDestination(context.Background(), "d1"); err == nil {
			t.Fatalf("status %d: no error", status)
		}
		if calls != 1 {
			t.Fatalf("status %d: %d calls, want 1", status, calls)
		}
	}
}

// TestRetry_TimeoutIsRetried checks that a timed-out request is sent again.
func TestRetry_TimeoutIsRetried(t *testing.T) {
	var calls int32
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if atomic.AddInt32(&calls, 1) == 1 {
			time.Sleep(200 * time.Millisecond)
		}
		_, _ = w.Write([]byte(`{"id":"d1"}`))
	})
	c.http = &http.Client{Timeout: 50 * time.Millisecond}
	if _, err := c.GetDestination(context.Background(), "d1"); err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Fatalf("%d calls, want 2", calls)
	}
}

// TestRetry_StopsWhenContextEnds checks that retrying stops with the context.
func TestRetry_StopsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := withRetry(ctx, RetryPolicy{MaxAttempts: 5, InitialBackoff: time.Hour, MaxBackoff: time.Hour}, func() error {
		return &Error{StatusCode: http.StatusServiceUnavailable}
	})
	if err == nil {
		t.Fatal("expected the last error")
	}
}
