package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type widgetResource struct{}

func NewWidgetResource() resource.Resource { return &widgetResource{} }

func (r *widgetResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_widget"
}

func (r *widgetResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = widgetSchema()
}

func widgetSchema() schema.Schema {
	return schema.Schema{
		Version:     1,
		Description: "A widget of the sound API.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "The widget's id.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{Required: true, Description: "The widget's name."},
			"size": schema.Int64Attribute{
				Optional:    true,
				Computed:    true,
				Default:     int64default.StaticInt64(1),
				Description: "How big it is; 1 when unset.",
			},
			"mode": schema.StringAttribute{
				Optional:    true,
				Computed:    true,
				Default:     stringdefault.StaticString("fast"),
				Validators:  []validator.String{stringvalidator.OneOf("fast", "slow")},
				Description: "fast or slow; fast when unset.",
			},
			"labels": schema.MapAttribute{
				Optional:    true,
				ElementType: types.StringType,
				Description: "Labels of the widget.",
			},
			"secret_value": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "A value kept secret.",
			},
			"colour": schema.StringAttribute{
				Optional:           true,
				Description:        "The widget's colour.",
				DeprecationMessage: "Use labels instead; removed in v2.",
			},
		},
	}
}

func widgetSchemaV0() schema.Schema {
	return schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true},
			"name": schema.StringAttribute{Required: true},
		},
	}
}

func (r *widgetResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	v0 := widgetSchemaV0()
	return map[int64]resource.StateUpgrader{
		0: {PriorSchema: &v0, StateUpgrader: upgradeWidgetFromV0},
	}
}

func upgradeWidgetFromV0(_ context.Context, _ resource.UpgradeStateRequest, _ *resource.UpgradeStateResponse) {
}

func (r *widgetResource) Create(_ context.Context, _ resource.CreateRequest, _ *resource.CreateResponse) {}

func (r *widgetResource) Read(_ context.Context, _ resource.ReadRequest, _ *resource.ReadResponse) {}

func (r *widgetResource) Update(_ context.Context, _ resource.UpdateRequest, _ *resource.UpdateResponse) {}

func (r *widgetResource) Delete(_ context.Context, _ resource.DeleteRequest, _ *resource.DeleteResponse) {}

// ImportState reads the id the user gives and sets it: that is import support.
func (r *widgetResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}
