package api

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// RetryPolicy bounds how often and how patiently a request is retried.
type RetryPolicy struct {
	MaxAttempts    int           // total tries, the first one included
	InitialBackoff time.Duration // wait before the second try; doubled after each failure
	MaxBackoff     time.Duration
}

// DefaultRetryPolicy tries 4 times, waiting 1 s, 2 s and 4 s in between.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, InitialBackoff: time.Second, MaxBackoff: 8 * time.Second}
}

// retryableStatuses are the gateway errors a load balancer returns while the API
// restarts or scales; the request did not reach (or did not finish in) the API, so
// sending it again is safe.
var retryableStatuses = map[int]bool{
	http.StatusBadGateway:         true, // 502
	http.StatusServiceUnavailable: true, // 503
	http.StatusGatewayTimeout:     true, // 504
}

// IsRetryable reports whether err is worth another try: a 502/503/504 answer or a
// network timeout. Client errors (4xx) and 500 are not retried: sending the same
// request again would fail the same way.
func IsRetryable(err error) bool {
	var apiErr *Error
	if errors.As(err, &apiErr) {
		return retryableStatuses[apiErr.StatusCode]
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// withRetry runs op until it succeeds, fails with an error that is not retryable, the
// attempts are used up or ctx ends (the resource's timeout). The last error is returned.
func withRetry(ctx context.Context, p RetryPolicy, op func() error) error {
	wait := p.InitialBackoff
	var err error
	for attempt := 1; attempt <= p.MaxAttempts; attempt++ {
		if err = op(); err == nil || !IsRetryable(err) || attempt == p.MaxAttempts {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		if wait *= 2; wait > p.MaxBackoff {
			wait = p.MaxBackoff
		}
	}
	return err
}
